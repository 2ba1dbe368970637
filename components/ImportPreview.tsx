import type { ImportedEntry } from '@/core/imported-schema';

export interface ImportPreviewLabels {
  caption: string;
  definition: string;
}

interface Props {
  entries: readonly ImportedEntry[];
  /** The columns: languages to show, with their names. */
  languages: readonly { code: string; name: string }[];
  /** Each entry's definition, as chosen by the page (in the first kept language that has one). */
  definitionOf: (entry: ImportedEntry) => { lang: string; text: string } | null;
  labels: ImportPreviewLabels;
}

/**
 * The first entries of a file, as a table: its terms per language and a definition. Everything in
 * it comes from the file and is rendered as text.
 */
export function ImportPreview({ entries, languages, definitionOf, labels }: Props) {
  return (
    // Scrolls on its own: focusable, so keyboard users can scroll it too.
    <div class="import-preview" tabIndex={0} role="region" aria-label={labels.caption}>
      <table>
        <caption>{labels.caption}</caption>
        <thead>
          <tr>
            {languages.map((l) => (
              <th scope="col" key={l.code}>
                {l.name}
              </th>
            ))}
            <th scope="col">{labels.definition}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              {languages.map((l) => (
                <td key={l.code} lang={l.code}>
                  {entry.terms
                    .filter((t) => t.lang === l.code)
                    .map((t) => t.text)
                    .join('; ')}
                </td>
              ))}
              <td lang={definitionOf(entry)?.lang}>
                <div class="import-definition">{definitionOf(entry)?.text}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
