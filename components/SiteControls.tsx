import { LANG_NAMES, LANGS } from '@/core/constants';
import type { GlossaryEntry, Lang } from '@/core/glossary-schema';
import type { ExplainLang } from '@/core/reader-lang';
import { dwellFromInput, type TooltipTrigger } from '@/core/settings';

export interface SiteControlsLabels {
  everywhere: string;
  here: (host: string) => string;
  unavailable: string;
  firstOnly: string;
  everyday: string;
  explainLang: string;
  /** The choice that follows the text's language. */
  explainAuto: string;
  /** How a tooltip is asked for: the label, and each choice (the modifier one names the key). */
  trigger: string;
  triggers: Record<TooltipTrigger, string>;
  /** The dwell's label, with its unit. */
  dwell: string;
  /** "Open PDFs in Benelux Glossary". */
  openPdfs: string;
}

const TRIGGERS: readonly TooltipTrigger[] = ['hover', 'modifier', 'click'];

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
  trigger: TooltipTrigger;
  onTrigger: (trigger: TooltipTrigger) => void;
  dwellMs: number;
  onDwellMs: (ms: number) => void;
  onEverywhere: (on: boolean) => void;
  onHere: (on: boolean) => void;
  onFirstOnly: (on: boolean) => void;
  onEveryday: (id: string, on: boolean) => void;
  /** PDFs the reader navigates to open in our viewer. */
  openPdfs: boolean;
  onOpenPdfs: (on: boolean) => void;
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
      <label class="switch open-pdfs">
        <input type="checkbox" checked={p.openPdfs} onChange={(e) => p.onOpenPdfs(e.currentTarget.checked)} />
        {p.labels.openPdfs}
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
      <label class="tooltip-trigger">
        {p.labels.trigger}{' '}
        <select value={p.trigger} onChange={(e) => p.onTrigger(e.currentTarget.value as TooltipTrigger)}>
          {TRIGGERS.map((trigger) => (
            <option key={trigger} value={trigger}>
              {p.labels.triggers[trigger]}
            </option>
          ))}
        </select>
      </label>
      <label class="dwell">
        {p.labels.dwell}{' '}
        <input
          type="number"
          min={0}
          max={5000}
          step={50}
          value={p.dwellMs}
          // A click asks at once: there is no rest to wait for.
          disabled={p.trigger === 'click'}
          // On change (commit: Enter, leaving the field, the arrows), not on every keystroke.
          onChange={(e) => {
            const input = e.currentTarget;
            const ms = dwellFromInput(input.valueAsNumber) ?? p.dwellMs;
            input.value = String(ms); // shows what is kept, also when that is the old value
            if (ms !== p.dwellMs) p.onDwellMs(ms);
          }}
        />
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
