import { isShortForm, type LanguageNames } from '@/core/imported-entry-view';

/**
 * A language's name for a concept: its main term, then its abbreviations in parentheses, each marked
 * as an abbreviation of the main term ("Europees systeem … (ETIAS)"). Text only.
 */
export function TermForms({ names }: { names: LanguageNames }) {
  const { main, short } = names;
  const parts = [isShortForm(main) ? <abbr class="term-abbr">{main.text}</abbr> : main.text];
  short.forEach((t, i) => {
    parts.push(i === 0 ? ' (' : ', ');
    parts.push(
      <abbr class="term-abbr" title={main.text}>
        {t.text}
      </abbr>,
    );
  });
  if (short.length > 0) parts.push(')');
  return <>{parts}</>;
}
