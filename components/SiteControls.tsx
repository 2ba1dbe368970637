import { LANG_NAMES, LANGS } from '@/core/constants';
import type { GlossaryEntry, Lang } from '@/core/glossary-schema';
import type { ExplainLang } from '@/core/reader-lang';

export interface SiteControlsLabels {
  everywhere: string;
  here: (host: string) => string;
  unavailable: string;
  firstOnly: string;
  everyday: string;
  explainLang: string;
  /** The choice that follows the text's language. */
  explainAuto: string;
}

interface Props {
  labels: SiteControlsLabels;
  lang: Lang;
  enabledEverywhere: boolean;
  /** null when the active tab has no content script (browser pages, the store). */
  hostname: string | null;
  enabledHere: boolean;
  firstOnly: boolean;
  everydayEntries: GlossaryEntry[];
  everydayOn: string[];
  explainLang: ExplainLang;
  onExplainLang: (lang: ExplainLang) => void;
  onEverywhere: (on: boolean) => void;
  onHere: (on: boolean) => void;
  onFirstOnly: (on: boolean) => void;
  onEveryday: (id: string, on: boolean) => void;
}

/** Where the extension runs and what it highlights. */
export function SiteControls(p: Props) {
  return (
    <section class="controls">
      <label class="switch">
        <input
          type="checkbox"
          checked={p.enabledEverywhere}
          onChange={(e) => p.onEverywhere(e.currentTarget.checked)}
        />
        {p.labels.everywhere}
      </label>
      {p.hostname ? (
        <label class="switch">
          <input
            type="checkbox"
            checked={p.enabledHere}
            disabled={!p.enabledEverywhere}
            onChange={(e) => p.onHere(e.currentTarget.checked)}
          />
          {p.labels.here(p.hostname)}
        </label>
      ) : (
        <p class="muted">{p.labels.unavailable}</p>
      )}
      <label class="switch">
        <input type="checkbox" checked={p.firstOnly} onChange={(e) => p.onFirstOnly(e.currentTarget.checked)} />
        {p.labels.firstOnly}
      </label>
      <label class="explain-lang">
        {p.labels.explainLang}{' '}
        <select value={p.explainLang} onChange={(e) => p.onExplainLang(e.currentTarget.value as ExplainLang)}>
          <option value="auto">{p.labels.explainAuto}</option>
          {LANGS.map((lang) => (
            <option key={lang} value={lang} lang={lang}>
              {LANG_NAMES[lang]}
            </option>
          ))}
        </select>
      </label>
      <fieldset class="everyday">
        <legend>{p.labels.everyday}</legend>
        {p.everydayEntries.map((e) => (
          <label key={e.id}>
            <input
              type="checkbox"
              checked={p.everydayOn.includes(e.id)}
              onChange={(ev) => p.onEveryday(e.id, ev.currentTarget.checked)}
            />
            {e.name[p.lang]}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
