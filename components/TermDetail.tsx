import type { ComponentChildren } from 'preact';
import type { GlossaryEntry, Lang, Part } from '@/core/glossary-schema';

export interface TermDetailLabels {
  back: string;
  inLetter: string;
  related: string;
  source: string;
  part: (part: Part) => string;
}

interface Props {
  entry: GlossaryEntry;
  lang: Lang;
  related: GlossaryEntry[];
  labels: TermDetailLabels;
  onBack: () => void;
  onOpen: (id: string) => void;
  /** The note editor, placed under the definition. */
  children?: ComponentChildren;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Everything about one entry: the tooltip's content plus every quote, related entries and the source. */
export function TermDetail({ entry, lang, related, labels, onBack, onOpen, children }: Props) {
  return (
    <article class="detail" aria-labelledby="detail-name" lang={lang}>
      <button type="button" class="back" onClick={onBack}>
        ← {labels.back}
      </button>
      <h1 id="detail-name">{entry.name[lang]}</h1>
      {entry.expansion && entry.expansion[lang] !== entry.name[lang] && (
        <p class="expansion">{entry.expansion[lang]}</p>
      )}
      {entry.abbreviations.length > 0 && <p class="abbr">{entry.abbreviations.join(' · ')}</p>}
      <p class="short">{entry.short[lang]}</p>
      {children}
      <p class="long">{entry.long[lang]}</p>
      <h2>{labels.inLetter}</h2>
      {entry.quotes.map((q, i) => (
        <figure class="quote" key={i}>
          <blockquote lang="nl">{collapse(q.text)}</blockquote>
          <figcaption>{labels.part(q.part)}</figcaption>
        </figure>
      ))}
      {related.length > 0 && (
        <>
          <h2>{labels.related}</h2>
          <ul class="related">
            {related.map((r) => (
              <li key={r.id}>
                <button type="button" class="link" onClick={() => onOpen(r.id)}>
                  {r.name[lang]}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{labels.source}</h2>
      <p class="source">
        {entry.source.label}
        {entry.source.url && (
          <>
            {' — '}
            <a href={entry.source.url} target="_blank" rel="noopener noreferrer">
              {new URL(entry.source.url).hostname}
            </a>
          </>
        )}
      </p>
    </article>
  );
}
