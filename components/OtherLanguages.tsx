import type { LanguageNames } from '@/core/imported-entry-view';
import { LangCode } from './LangCode';
import { TermForms } from './TermForms';

interface Props {
  languages: readonly LanguageNames[];
  languageName: (lang: string) => string;
  /** The list's accessible name ("In other languages"). */
  label: string;
  /** The last item when languages were left out ("+19 languages"). */
  more?: string;
}

/** "nl: … · fr: … · de: …": a concept's names in other languages (a list shown as a line). */
export function OtherLanguages({ languages, languageName, label, more }: Props) {
  return (
    <ul class="term-languages" aria-label={label}>
      {languages.map((names) => (
        <li class="term-language" key={names.lang} data-lang={names.lang}>
          <LangCode lang={names.lang} name={languageName(names.lang)} />
          {': '}
          <span lang={names.lang}>
            <TermForms names={names} />
          </span>
        </li>
      ))}
      {more && <li class="term-more">{more}</li>}
    </ul>
  );
}
