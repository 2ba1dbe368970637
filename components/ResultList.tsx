import type { GlossaryEntry, Lang } from '@/core/glossary-schema';
import type { ImportedHit } from '@/core/imported-search';
import type { SearchHit } from '@/core/search';
import { Marked } from './Marked';

interface Common {
  /** e.g. "2×" for terms on this page. */
  badge?: string;
  /** The user's note on the term, shown as a snippet. */
  note?: string;
}

/** One of the letter's entries. */
export interface LetterResult extends Common {
  kind: 'letter';
  entry: GlossaryEntry;
  hit?: SearchHit;
}

/** An imported glossary's entry: its name for the reader and its glossary's title. */
export interface ImportedResult extends Common {
  kind: 'imported';
  /** The term key, `glossary:entry`. */
  id: string;
  name: string;
  nameLang: string;
  glossaryId: string;
  glossaryTitle: string;
  matched?: ImportedHit['matched'];
}

export type ResultItem = LetterResult | ImportedResult;

export const resultId = (item: ResultItem): string => (item.kind === 'letter' ? item.entry.id : item.id);

interface Props {
  id: string;
  label: string;
  items: ResultItem[];
  active: number;
  lang: Lang;
  partLabel: (entry: GlossaryEntry) => string;
  noteLabel: string;
  onOpen: (id: string) => void;
  onHover: (index: number) => void;
}

export const optionId = (listId: string, index: number) => `${listId}-opt-${index}`;

const MATCHED_CHARS = 90;

/** Text cut to what a row shows, its marks with it. */
function Excerpt({ text, spans }: { text: string; spans: readonly (readonly [number, number])[] }) {
  return (
    <Marked
      text={text.length > MATCHED_CHARS ? text.slice(0, MATCHED_CHARS) + '…' : text}
      spans={spans.filter(([, e]) => e <= MATCHED_CHARS)}
    />
  );
}

function NoteSnippet({ note, label }: { note: string; label: string }) {
  return (
    <span class="result-note">
      {label}: {note.length > 80 ? note.slice(0, 80) + '…' : note}
    </span>
  );
}

/** A listbox of glossary entries, the letter's and imported ones; the search box drives it with aria-activedescendant. */
export function ResultList({ id, label, items, active, lang, partLabel, noteLabel, onOpen, onHover }: Props) {
  return (
    <ul id={id} role="listbox" aria-label={label} class="results">
      {items.map((item, i) => {
        const termId = resultId(item);
        const row = {
          id: optionId(id, i),
          role: 'option' as const,
          'aria-selected': i === active,
          'data-term-id': termId,
          onClick: () => onOpen(termId),
          onMouseMove: () => onHover(i),
        };
        const activeClass = i === active ? ' active' : '';
        if (item.kind === 'imported') {
          const m = item.matched;
          const nameMarked = m && m.field === 'term' && m.text === item.name;
          return (
            <li key={termId} {...row} class={`result imported${activeClass}`} data-glossary={item.glossaryId}>
              <span class="result-name" lang={item.nameLang}>
                {nameMarked ? <Marked text={item.name} spans={m.spans} /> : item.name}
              </span>
              {item.badge && <span class="result-badge">{item.badge}</span>}
              {item.note && <NoteSnippet note={item.note} label={noteLabel} />}
              {m && !nameMarked && (
                <span class="result-matched" lang={m.lang}>
                  <Excerpt text={m.text} spans={m.spans} />
                </span>
              )}
              <span class="result-part result-glossary">{item.glossaryTitle}</span>
            </li>
          );
        }
        const { entry, hit, badge, note } = item;
        const name = entry.name[lang];
        const m = hit?.matched;
        const nameMarked = m && m.field === 'name' && m.text === name;
        return (
          <li key={termId} {...row} class={`result${activeClass}`}>
            <span class="result-name">{nameMarked ? <Marked text={name} spans={m.spans} /> : name}</span>
            {badge && <span class="result-badge">{badge}</span>}
            {entry.expansion && entry.expansion[lang] !== name && (
              <span class="result-expansion">{entry.expansion[lang]}</span>
            )}
            {note && !(m && m.field === 'note') && <NoteSnippet note={note} label={noteLabel} />}
            {m && !nameMarked && (
              <span class="result-matched">
                <Excerpt text={m.text} spans={m.spans} />
              </span>
            )}
            <span class="result-part">{partLabel(entry)}</span>
          </li>
        );
      })}
    </ul>
  );
}
