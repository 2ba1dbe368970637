import { SiteControls, type SiteControlsLabels } from '@/components/SiteControls';
import { tooltipKeyName } from '@/core/settings';
import { t } from '@/i18n/t';
import type { Entries } from '@/ui-data/entries';
import { useUiLanguage } from '@/ui-data/i18n';
import { usePdfAutoOpen } from '@/ui-data/pdf-auto-open';
import { useSetting } from '@/ui-data/settings';

const labels: SiteControlsLabels = {
  everywhere: t('popupOnEverywhere'),
  here: (host) => t('popupOnHere', host),
  unavailable: t('popupUnavailable'),
  firstOnly: t('popupFirstOnly'),
  everyday: t('popupEveryday'),
  explainLang: t('popupExplainLang'),
  explainAuto: t('popupExplainAuto'),
  trigger: t('popupTrigger'),
  triggers: {
    hover: t('popupTriggerHover'),
    modifier: t('popupTriggerModifier', tooltipKeyName(navigator.platform)),
    click: t('popupTriggerClick'),
  },
  dwell: t('popupDwell'),
  openPdfs: t('popupOpenPdfs'),
};

/** Where the extension runs (everywhere, this site) and what it highlights. */
export function SiteSettings({ entries, hostname }: { entries: Entries | undefined; hostname: string | null }) {
  const lang = useUiLanguage();
  const [everywhere, setEverywhere] = useSetting('enabled');
  const [sites, setSites] = useSetting('disabledSites');
  const [mode, setMode] = useSetting('highlightMode');
  const [everyday, setEveryday] = useSetting('everydayTermsOn');
  const [explainLang, setExplainLang] = useSetting('explainLang');
  const [trigger, setTrigger] = useSetting('tooltipTrigger');
  const [dwellMs, setDwellMs] = useSetting('dwellMs');
  const [openPdfs, setOpenPdfs] = usePdfAutoOpen();
  // The switches appear once their stored values are read, so an early click is never undone.
  if (everywhere === undefined || !sites || !mode || !everyday || !explainLang || !trigger || dwellMs === undefined) {
    return null;
  }
  if (openPdfs === undefined) return null;
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
      trigger={trigger}
      onTrigger={setTrigger}
      dwellMs={dwellMs}
      onDwellMs={setDwellMs}
      openPdfs={openPdfs}
      onOpenPdfs={setOpenPdfs}
      onEverywhere={setEverywhere}
      onHere={(on) => {
        if (hostname) setSites(on ? sites.filter((s) => s !== hostname) : [...new Set([...sites, hostname])]);
      }}
      onFirstOnly={(on) => setMode(on ? 'first' : 'all')}
      onEveryday={(id, on) => setEveryday(on ? [...new Set([...everyday, id])] : everyday.filter((x) => x !== id))}
    />
  );
}
