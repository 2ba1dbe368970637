import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { background } from '@/messaging/background';
import type { PageEngine } from '@/page/engine';

/** Reports are batched: a scan changes highlights once per slice. */
const REPORT_DELAY_MS = 300;

/**
 * The toolbar badge: the top frame tells the background how many distinct terms it highlights, when
 * that changes. Frames do not report; the badge is about the page the reader sees.
 */
export function init(ctx: ContentScriptContext, engine: PageEngine): void {
  if (window !== window.top) return;
  let timer: number | null = null;
  let lastReport = '';

  const report = () => {
    if (timer !== null) return;
    timer = ctx.setTimeout(() => {
      timer = null;
      const data = { distinct: engine.highlighter?.counts().size ?? 0, enabled: engine.highlighter !== null };
      const key = JSON.stringify(data);
      if (key === lastReport) return;
      lastReport = key;
      background.reportPageTerms(data).catch(() => undefined);
    }, REPORT_DELAY_MS);
  };

  engine.on('settingsApplied', report);
  engine.on('highlightsChanged', report);
}
