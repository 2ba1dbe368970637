import type { ComponentChildren } from 'preact';
import { importedEntryView, isDiscouraged } from '@/core/imported-entry-view';
import type { ImportedEntry } from '@/core/imported-schema';
import { LangCode } from './LangCode';
import { OtherLanguages } from './OtherLanguages';
import { TermForms } from './TermForms';

export interface ImportedEntryDetailLabels {
  back: string;
  languageName: (lang: string) => string;
  otherLanguages: string;
  otherDefinitions: string;
  discouraged: string;
  subjectField: string;
  entryNote: string;
  source: string;
  origin: string;
}

interface Props {
  termKey: string;
  glossary: { id: string; title: string };
  entry: ImportedEntry;
  /** The reader's language. */
  lang: string;
  labels: ImportedEntryDetailLabels;
  onBack: () => void;
  /** The reader's note and "I know this term", placed under the definition. */
  children?: ComponentChildren;
}

/** An imported glossary's entry in full (popup): every language's names and definitions, its facts. */
export function ImportedEntryDetail({ termKey, glossary, entry, lang, labels, onBack, children }: Props) {
  const { name, languages, definition } = importedEntryView(entry, lang);
  const otherDefinitions = entry.definitions.filter((d) => d.lang !== definition?.lang);
  return (
    <article class="detail imported-detail" aria-labelledby="detail-name" lang={lang} data-term-id={termKey}>
      <button type="button" class="back" onClick={onBack}>
        ← {labels.back}
      </button>
      <h1 id="detail-name" lang={name.lang}>
        <TermForms names={name} />
      </h1>
      {name.lang !== lang && (
        <p class="abbr">
          <LangCode lang={name.lang} name={labels.languageName(name.lang)} />
        </p>
      )}
      {name.others.length > 0 && (
        <p class="expansion" lang={name.lang}>
          {name.others.map((t, i) => (
            <span key={i} class={isDiscouraged(t) ? 'discouraged' : undefined}>
              {i > 0 && ' · '}
              {t.text}
              {isDiscouraged(t) && <span lang={lang}> ({labels.discouraged})</span>}
            </span>
          ))}
        </p>
      )}
      {definition && (
        <p class="short">
          {definition.lang !== lang && (
            <>
              <LangCode lang={definition.lang} name={labels.languageName(definition.lang)} />{' '}
            </>
          )}
          <span lang={definition.lang}>{definition.text}</span>
        </p>
      )}
      {children}
      {languages.length > 0 && (
        <>
          <h2>{labels.otherLanguages}</h2>
          <OtherLanguages languages={languages} languageName={labels.languageName} label={labels.otherLanguages} />
        </>
      )}
      {otherDefinitions.length > 0 && (
        <details class="other-definitions">
          <summary>{labels.otherDefinitions}</summary>
          {otherDefinitions.map((d) => (
            <p key={d.lang}>
              <LangCode lang={d.lang} name={labels.languageName(d.lang)} /> <span lang={d.lang}>{d.text}</span>
            </p>
          ))}
        </details>
      )}
      {entry.subjectFields.length > 0 && (
        <>
          <h2>{labels.subjectField}</h2>
          <p class="subject">{entry.subjectFields.join(' · ')}</p>
        </>
      )}
      {entry.note && (
        <>
          <h2>{labels.entryNote}</h2>
          <p class="long">{entry.note}</p>
        </>
      )}
      <h2>{labels.source}</h2>
      {entry.source && <p class="source">{entry.source}</p>}
      <p class="origin" title={labels.origin}>
        <span class="term-glossary">{glossary.title}</span>
        {' · '}
        <span class="term-entry-id">{entry.id}</span>
      </p>
    </article>
  );
}
