/** A language code ("de"), marked as the abbreviation it is, with the language's name for the reader. */
export function LangCode({ lang, name }: { lang: string; name: string }) {
  return (
    <abbr class="lang-code" title={name}>
      {lang}
    </abbr>
  );
}
