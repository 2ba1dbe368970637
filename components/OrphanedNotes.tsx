export interface OrphanedNoteItem {
  termId: string;
  /** The term's name as kept, or a stand-in. */
  name: string;
  /** "from glossary iate-energy". */
  from: string;
  text: string;
}

interface Props {
  notes: readonly OrphanedNoteItem[];
  labels: { heading: string; intro: string };
}

/** The reader's notes on entries of deleted glossaries: kept, listed, back when the glossary is. */
export function OrphanedNotes({ notes, labels }: Props) {
  if (notes.length === 0) return null;
  return (
    <section class="orphaned-notes" aria-labelledby="orphaned-notes-heading">
      <h2 id="orphaned-notes-heading">{labels.heading}</h2>
      <p class="muted">{labels.intro}</p>
      <ul>
        {notes.map((n) => (
          <li key={n.termId}>
            <p class="orphan-term">
              <strong>{n.name}</strong> <span class="muted">{n.from}</span>
            </p>
            <p class="orphan-text">{n.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
