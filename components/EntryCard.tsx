import type { ComponentChildren } from 'preact';
import type { GlossaryEntry, Lang, Part } from '@/core/glossary-schema';

export interface EntryCardLabels {
  inLetter: string;
  readInLetter: string;
  related: string;
  source: string;
  known: string;
  part: (part: Part) => string;
}

interface Props {
  entry: GlossaryEntry;
  lang: Lang;
  labels: EntryCardLabels;
  related: GlossaryEntry[];
  /** The reading-view block each quote is in, if found. */
  quoteTargets: (string | null)[];
  known: boolean;
  /** The note editor. */
  children?: ComponentChildren;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** One entry on the glossary page: the full explanation, quotes linked into the letter, related, source. */
export function EntryCard({ entry, lang, labels, related, quoteTargets, known, children }: Props) {
  return (
    <article class="entry" id={`entry-${entry.id}`} tabIndex={-1} aria-labelledby={`name-${entry.id}`} lang={lang}>
      <h3 id={`name-${entry.id}`}>
        {entry.name[lang]}
        {known && <span class="entry-known"> · {labels.known}</span>}
      </h3>
      {entry.expansion && entry.expansion[lang] !== entry.name[lang] && (
        <p class="entry-expansion">{entry.expansion[lang]}</p>
      )}
      <p class="entry-short">{entry.short[lang]}</p>
      <p class="entry-long">{entry.long[lang]}</p>
      <h4>{labels.inLetter}</h4>
      {entry.quotes.map((q, i) => {
        const target = quoteTargets[i];
        return (
          <figure class="entry-quote" key={i}>
            <blockquote lang="nl">{collapse(q.text)}</blockquote>
            <figcaption>
              {labels.part(q.part)}
              {target && (
                <>
                  {' · '}
                  <a href={`#letter=${target}`}>{labels.readInLetter}</a>
                </>
              )}
            </figcaption>
          </figure>
        );
      })}
      {related.length > 0 && (
        <p class="entry-related">
          {labels.related}:{' '}
          {related.map((r, i) => (
            <>
              {i > 0 && ', '}
              <a href={`#term=${r.id}`} key={r.id}>
                {r.name[lang]}
              </a>
            </>
          ))}
        </p>
      )}
      <p class="entry-source">
        {labels.source}: {entry.source.label}
        {entry.source.url && (
          <>
            {' — '}
            <a href={entry.source.url} target="_blank" rel="noopener noreferrer">
              {new URL(entry.source.url).hostname}
            </a>
          </>
        )}
      </p>
      {children}
    </article>
  );
}
