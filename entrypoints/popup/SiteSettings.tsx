import { SiteControls, type SiteControlsLabels } from '@/components/SiteControls';
import { t } from '@/i18n/t';
import type { Entries } from '@/ui-data/entries';
import { useUiLanguage } from '@/ui-data/i18n';
import { useSetting } from '@/ui-data/settings';

const labels: SiteControlsLabels = {
  everywhere: t('popupOnEverywhere'),
  here: (host) => t('popupOnHere', host),
  unavailable: t('popupUnavailable'),
  firstOnly: t('popupFirstOnly'),
  everyday: t('popupEveryday'),
  explainLang: t('popupExplainLang'),
  explainAuto: t('popupExplainAuto'),
};

/** Where the extension runs (everywhere, this site) and what it highlights. */
export function SiteSettings({ entries, hostname }: { entries: Entries | undefined; hostname: string | null }) {
  const lang = useUiLanguage();
  const [everywhere, setEverywhere] = useSetting('enabled');
  const [sites, setSites] = useSetting('disabledSites');
  const [mode, setMode] = useSetting('highlightMode');
  const [everyday, setEveryday] = useSetting('everydayTermsOn');
  const [explainLang, setExplainLang] = useSetting('explainLang');
  // The switches appear once their stored values are read, so an early click is never undone.
  if (everywhere === undefined || !sites || !mode || !everyday || !explainLang) return null;
  return (
    <SiteControls
      labels={labels}
      lang={lang}
      enabledEverywhere={everywhere}
      hostname={hostname}
      enabledHere={!!hostname && !sites.includes(hostname)}
      firstOnly={mode === 'first'}
      everydayEntries={(entries?.list ?? []).filter((e) => !e.highlight)}
      everydayOn={everyday}
      explainLang={explainLang}
      onExplainLang={setExplainLang}
      onEverywhere={setEverywhere}
      onHere={(on) => {
        if (hostname) setSites(on ? sites.filter((s) => s !== hostname) : [...new Set([...sites, hostname])]);
      }}
      onFirstOnly={(on) => setMode(on ? 'first' : 'all')}
      onEveryday={(id, on) => setEveryday(on ? [...new Set([...everyday, id])] : everyday.filter((x) => x !== id))}
    />
  );
}
