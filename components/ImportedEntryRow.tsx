import { importedEntryView } from '@/core/imported-entry-view';
import type { ImportedEntry } from '@/core/imported-schema';
import { LangCode } from './LangCode';
import { TermForms } from './TermForms';

export interface ImportedEntryRowLabels {
  languageName: (lang: string) => string;
  /** The last item when languages were left out ("+19"). */
  moreLanguages: (count: number) => string;
}

interface Props {
  entry: ImportedEntry;
  /** The reader's language. */
  lang: string;
  /** Where the entry opens (`#term=glossary:entry`). */
  href: string;
  /** The entry shown in full beside the list. */
  current: boolean;
  labels: ImportedEntryRowLabels;
}

/** Languages shown in a row; a 24-language IATE entry says "+20" for the rest. */
const ROW_LANGUAGES = 4;

/**
 * An imported entry as one row of a long list, every line one line high (the list's rows have one
 * height): its name in the reader's language as a link to the entry, its subject field, its names in
 * other languages compactly, its definition cut with an ellipsis. Text only.
 */
export function ImportedEntryRow({ entry, lang, href, current, labels }: Props) {
  const { name, languages, definition } = importedEntryView(entry, lang);
  const shown = languages.slice(0, ROW_LANGUAGES);
  const more = languages.length - shown.length;
  return (
    <div class={`entry-row${current ? ' entry-row-current' : ''}`} data-entry-id={entry.id}>
      <div class="entry-row-line">
        <a class="entry-row-name" href={href} lang={name.lang} aria-current={current ? 'true' : undefined}>
          <TermForms names={name} />
        </a>
        {name.lang !== lang && <LangCode lang={name.lang} name={labels.languageName(name.lang)} />}
        {entry.subjectFields.length > 0 && <span class="entry-row-subject">{entry.subjectFields.join(' · ')}</span>}
      </div>
      <p class="entry-row-line entry-row-languages">
        {shown.map((names, i) => (
          <span key={names.lang}>
            {i > 0 && ' · '}
            <LangCode lang={names.lang} name={labels.languageName(names.lang)} />
            {': '}
            <span lang={names.lang}>{names.main.text}</span>
          </span>
        ))}
        {more > 0 && <span class="muted"> · {labels.moreLanguages(more)}</span>}
      </p>
      <p class="entry-row-line entry-row-definition" lang={definition?.lang}>
        {definition?.text ?? ''}
      </p>
    </div>
  );
}
