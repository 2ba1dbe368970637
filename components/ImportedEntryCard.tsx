import type { ComponentChildren } from 'preact';
import { importedEntryView } from '@/core/imported-entry-view';
import type { ImportedEntry } from '@/core/imported-schema';
import { CandidateButton } from './CandidateButton';
import { LangCode } from './LangCode';
import { OtherLanguages } from './OtherLanguages';
import type { TermCandidate } from './TermCard';
import { TermForms } from './TermForms';

export interface ImportedEntryCardLabels {
  /** The language the labels are in (the browser's), which may differ from the entry's. */
  lang: string;
  /** A language's name for the reader ("German" for "de"). */
  languageName: (lang: string) => string;
  otherLanguages: string;
  moreLanguages: (count: number) => string;
  subjectField: string;
  source: string;
  /** What the glossary and entry id line is (its title). */
  origin: string;
  known: string;
  close: string;
  dialog: (name: string) => string;
  alsoMeans: string;
  yourNote: string;
  addNote: string;
  editNote: string;
}

interface Props {
  /** The term key, `glossary:entry`. */
  termKey: string;
  glossary: { id: string; title: string };
  entry: ImportedEntry;
  /** The reader's language. */
  lang: string;
  pinned: boolean;
  /** Other terms that claim the hovered words (another glossary's, or the letter's). */
  candidates: readonly TermCandidate[];
  labels: ImportedEntryCardLabels;
  onKnown: () => void;
  onClose: () => void;
  onPick: (id: string) => void;
  /** The reader's note, if any. */
  note: string | null;
  /** The note editor, while the reader edits (replaces the note's text). */
  editor?: ComponentChildren;
  onEditNote: () => void;
}

/** Languages a hovering card lists before "+N languages" (a pinned card lists all: it scrolls). */
const HOVER_LANGUAGES = 4;

/**
 * The tooltip's card for an imported glossary's entry: its name in the reader's language, the other
 * languages' names, a definition, subject fields, source, and which glossary and entry it is. Every
 * string from the file is rendered as text. Same frame and actions as TermCard.
 */
export function ImportedEntryCard({
  termKey,
  glossary,
  entry,
  lang,
  pinned,
  candidates,
  labels,
  onKnown,
  onClose,
  onPick,
  note,
  editor,
  onEditNote,
}: Props) {
  const view = importedEntryView(entry, lang);
  const { name, definition } = view;
  const languages = pinned ? view.languages : view.languages.slice(0, HOVER_LANGUAGES);
  const hidden = view.languages.length - languages.length;
  return (
    <div
      class={`term-card imported-entry${pinned ? ' pinned' : ''}`}
      role={pinned ? 'dialog' : 'tooltip'}
      aria-label={pinned ? labels.dialog(name.main.text) : undefined}
      aria-modal={pinned ? 'false' : undefined}
      tabIndex={-1}
      lang={labels.lang}
      data-term-id={termKey}
    >
      <header>
        <h2 class="term-name" lang={name.lang}>
          <TermForms names={name} />
        </h2>
        {name.lang !== lang && (
          <p class="term-name-lang">
            <LangCode lang={name.lang} name={labels.languageName(name.lang)} />
          </p>
        )}
      </header>
      {definition && (
        <p class="term-short term-definition">
          {definition.lang !== lang && (
            <>
              <LangCode lang={definition.lang} name={labels.languageName(definition.lang)} />{' '}
            </>
          )}
          <span lang={definition.lang}>{definition.text}</span>
        </p>
      )}
      {languages.length > 0 && (
        <OtherLanguages
          languages={languages}
          languageName={labels.languageName}
          label={labels.otherLanguages}
          more={hidden > 0 ? labels.moreLanguages(hidden) : undefined}
        />
      )}
      {(entry.subjectFields.length > 0 || entry.source) && (
        <dl class="term-facts">
          {entry.subjectFields.length > 0 && (
            <div class="term-subject">
              <dt>{labels.subjectField}</dt>
              <dd>{entry.subjectFields.join(' · ')}</dd>
            </div>
          )}
          {entry.source && (
            <div class="term-source">
              <dt>{labels.source}</dt>
              <dd>{entry.source}</dd>
            </div>
          )}
        </dl>
      )}
      <p class="term-origin" title={labels.origin}>
        <span class="term-glossary">{glossary.title}</span>
        {' · '}
        <span class="term-entry-id">{entry.id}</span>
      </p>
      {editor ??
        (note && (
          <figure class="term-note">
            <figcaption>{labels.yourNote}</figcaption>
            <p>{note}</p>
          </figure>
        ))}
      {candidates.length > 0 && (
        <nav class="term-candidates" aria-label={labels.alsoMeans}>
          <span>{labels.alsoMeans}</span>
          {candidates.map((c) => (
            <CandidateButton key={c.id} candidate={c} onPick={onPick} />
          ))}
        </nav>
      )}
      <footer>
        {!editor && (
          <button type="button" class="term-note-edit" onClick={onEditNote}>
            {note ? labels.editNote : labels.addNote}
          </button>
        )}
        <button type="button" class="term-known" onClick={onKnown}>
          {labels.known}
        </button>
        {pinned && (
          <button type="button" class="term-close" onClick={onClose}>
            {labels.close}
          </button>
        )}
      </footer>
    </div>
  );
}
