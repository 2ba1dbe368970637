import type { ComponentChildren } from 'preact';
import type { GlossaryEntry, Lang, Part } from '@/core/glossary-schema';
import { CandidateButton } from './CandidateButton';

export interface TermCardLabels {
  /** The language the labels are in (the browser's), which may differ from the entry's. */
  lang: string;
  inLetter: string;
  part: (part: Part) => string;
  known: string;
  close: string;
  dialog: (name: string) => string;
  alsoMeans: string;
  yourNote: string;
  addNote: string;
  editNote: string;
  openGlossary: string;
}

/** Another term that claims the hovered words: its id and its name for the reader. */
export interface TermCandidate {
  id: string;
  name: string;
  /** The name's language (an imported entry may lack the reader's). */
  lang: string;
  /** An imported glossary's title: two glossaries may give the same name. */
  glossary?: string;
}

interface Props {
  entry: GlossaryEntry;
  lang: Lang;
  pinned: boolean;
  /** Other terms that share the hovered surface form (an ambiguous alias, another glossary's term). */
  candidates: readonly TermCandidate[];
  labels: TermCardLabels;
  onKnown: () => void;
  onClose: () => void;
  onPick: (id: string) => void;
  /** The user's note, if any. */
  note: string | null;
  /** The note editor, when the user is editing (replaces the note's text). */
  editor?: ComponentChildren;
  onEditNote: () => void;
  onOpenGlossary: () => void;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A term explained: name and expansion, short definition, where the letter uses it, actions. */
export function TermCard({
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
  onOpenGlossary,
}: Props) {
  const name = entry.name[lang];
  const quote = entry.quotes[0];
  return (
    <div
      class={`term-card${pinned ? ' pinned' : ''}`}
      role={pinned ? 'dialog' : 'tooltip'}
      aria-label={pinned ? labels.dialog(name) : undefined}
      aria-modal={pinned ? 'false' : undefined}
      tabIndex={-1}
      lang={lang}
    >
      <header>
        <h2 class="term-name">{name}</h2>
        {entry.expansion && entry.expansion[lang] !== name && <p class="term-expansion">{entry.expansion[lang]}</p>}
      </header>
      <p class="term-short">{entry.short[lang]}</p>
      {quote && (
        <figure class="term-quote">
          <figcaption lang={labels.lang}>
            {labels.inLetter} <span class="term-part">{labels.part(quote.part)}</span>
          </figcaption>
          <blockquote lang="nl">{collapse(quote.text)}</blockquote>
        </figure>
      )}
      {editor ??
        (note && (
          <figure class="term-note">
            <figcaption lang={labels.lang}>{labels.yourNote}</figcaption>
            <p>{note}</p>
          </figure>
        ))}
      {candidates.length > 0 && (
        <nav class="term-candidates" aria-label={labels.alsoMeans}>
          <span lang={labels.lang}>{labels.alsoMeans}</span>
          {candidates.map((c) => (
            <CandidateButton key={c.id} candidate={c} onPick={onPick} />
          ))}
        </nav>
      )}
      <footer lang={labels.lang}>
        {!editor && (
          <button type="button" class="term-note-edit" onClick={onEditNote}>
            {note ? labels.editNote : labels.addNote}
          </button>
        )}
        <button type="button" class="term-open" onClick={onOpenGlossary}>
          {labels.openGlossary}
        </button>
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
