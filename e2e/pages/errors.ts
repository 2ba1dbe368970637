/**
 * Errors the extension leaves on a page: uncaught exceptions, unhandled rejections and console
 * errors from our content script (its isolated world) or our frames, told apart from the page's own.
 *
 * - Chromium: a CDP session on the tab with Runtime and Log enabled reports every world of the main
 *   frame, the content script's included (playwright's own `console` / `pageerror` skip isolated worlds).
 * - Firefox: puppeteer's `console` and `pageerror` (WebDriver BiDi `log.entryAdded`), which carry the
 *   content script's messages with their moz-extension:// source.
 */
import type { TestPage } from '../harness';

/** Ours: a source in the extension's origin, or a message that names us. */
const OURS = /chrome-extension:\/\/|moz-extension:\/\/|Benelux Glossary/;

export interface ErrorWatch {
  /** What was seen of ours so far. */
  ours(): string[];
  stop(): Promise<void>;
}

export async function watchErrors(page: TestPage): Promise<ErrorWatch> {
  const seen: string[] = [];
  const note = (text: string, source: string) => {
    if (OURS.test(text) || OURS.test(source)) seen.push(`${text} (${source})`.slice(0, 500));
  };
  if (page.browserName === 'chromium') {
    const session = await page.raw.context().newCDPSession(page.raw);
    type Frame = { url: string };
    type Details = {
      text: string;
      url?: string;
      exception?: { description?: string };
      stackTrace?: { callFrames: Frame[] };
    };
    session.on('Runtime.exceptionThrown', (e: { exceptionDetails: Details }) => {
      const d = e.exceptionDetails;
      const source = [d.url ?? '', ...(d.stackTrace?.callFrames ?? []).map((f) => f.url)].join(' ');
      note(`${d.text} ${d.exception?.description ?? ''}`, source);
    });
    session.on(
      'Runtime.consoleAPICalled',
      (e: {
        type: string;
        args: { value?: unknown; description?: string }[];
        stackTrace?: { callFrames: Frame[] };
      }) => {
        if (e.type !== 'error' && e.type !== 'assert') return;
        const text = e.args.map((a) => (typeof a.value === 'string' ? a.value : (a.description ?? ''))).join(' ');
        note(text, (e.stackTrace?.callFrames ?? []).map((f) => f.url).join(' '));
      },
    );
    session.on('Log.entryAdded', (e: { entry: { level: string; text: string; url?: string } }) => {
      if (e.entry.level === 'error') note(e.entry.text, e.entry.url ?? '');
    });
    await session.send('Runtime.enable');
    await session.send('Log.enable');
    return { ours: () => [...seen], stop: () => session.detach().catch(() => undefined) };
  }
  const raw = page.raw;
  const onConsole = (m: { type(): string; text(): string; location(): { url?: string } }) => {
    if (m.type() === 'error' || m.type() === 'assert') note(m.text(), m.location().url ?? '');
  };
  const onError = (error: unknown) =>
    note(error instanceof Error ? error.message : String(error), error instanceof Error ? (error.stack ?? '') : '');
  raw.on('console', onConsole);
  raw.on('pageerror', onError);
  return {
    ours: () => [...seen],
    stop: () => {
      raw.off('console', onConsole);
      raw.off('pageerror', onError);
      return Promise.resolve();
    },
  };
}
