import type { GlossaryEntry, Lang } from '@/core/glossary-schema';
import type { SearchHit } from '@/core/search';
import { Marked } from './Marked';

export interface ResultItem {
  entry: GlossaryEntry;
  hit?: SearchHit;
  /** e.g. "2×" for terms on this page. */
  badge?: string;
  /** The user's note on the term, shown as a snippet. */
  note?: string;
}

interface Props {
  id: string;
  label: string;
  items: ResultItem[];
  active: number;
  lang: Lang;
  partLabel: (entry: GlossaryEntry) => string;
  noteLabel: string;
  onOpen: (entry: GlossaryEntry) => void;
  onHover: (index: number) => void;
}

export const optionId = (listId: string, index: number) => `${listId}-opt-${index}`;

/** A listbox of glossary entries; the search box drives it with aria-activedescendant. */
export function ResultList({ id, label, items, active, lang, partLabel, noteLabel, onOpen, onHover }: Props) {
  return (
    <ul id={id} role="listbox" aria-label={label} class="results">
      {items.map(({ entry, hit, badge, note }, i) => {
        const name = entry.name[lang];
        const m = hit?.matched;
        const nameMarked = m && m.field === 'name' && m.text === name;
        return (
          <li
            key={entry.id}
            id={optionId(id, i)}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'result active' : 'result'}
            data-term-id={entry.id}
            onClick={() => onOpen(entry)}
            onMouseMove={() => onHover(i)}
          >
            <span class="result-name">{nameMarked ? <Marked text={name} spans={m.spans} /> : name}</span>
            {badge && <span class="result-badge">{badge}</span>}
            {entry.expansion && entry.expansion[lang] !== name && (
              <span class="result-expansion">{entry.expansion[lang]}</span>
            )}
            {note && !(m && m.field === 'note') && (
              <span class="result-note">
                {noteLabel}: {note.length > 80 ? note.slice(0, 80) + '…' : note}
              </span>
            )}
            {m && !nameMarked && (
              <span class="result-matched">
                <Marked
                  text={m.text.length > 90 ? m.text.slice(0, 90) + '…' : m.text}
                  spans={m.spans.filter(([, e]) => e <= 90)}
                />
              </span>
            )}
            <span class="result-part">{partLabel(entry)}</span>
          </li>
        );
      })}
    </ul>
  );
}
