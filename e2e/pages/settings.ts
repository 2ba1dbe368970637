/**
 * The popup's settings switches ("Explain terms on web pages", "On for HOST", first occurrence only,
 * everyday words), driven as a user would: popup.html opened as a tab, real clicks on the checkboxes.
 * Also reads and resets the stored settings (browser.storage.local) from that extension page.
 */
import type { TestBrowser, TestPage } from '../harness';

/** The storage.local keys of the page settings (settings/index.ts). */
export const SETTING_KEYS = ['enabled', 'disabledSites', 'highlightMode', 'everydayTermsOn'] as const;
export type StoredSettings = Partial<Record<(typeof SETTING_KEYS)[number], unknown>>;

export const LABELS = {
  everywhere: 'Explain terms on web pages',
  here: (host: string) => `On for ${host}`,
  firstOnly: 'Mark only the first occurrence of each term',
} as const;

interface Switch {
  selector: string;
  checked: boolean;
  disabled: boolean;
}

/** The checkbox inside the <label> whose text is `label`, with a selector both drivers can click. */
function findSwitch(page: TestPage, label: string): Promise<Switch | null> {
  return page.evaluate((label) => {
    const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
    const input = [...document.querySelectorAll('label')]
      .find((l) => norm(l.textContent) === label)
      ?.querySelector('input[type="checkbox"]');
    if (!(input instanceof HTMLInputElement)) return null;
    const steps: string[] = [];
    for (let el: Element = input; el.parentElement; el = el.parentElement) {
      steps.unshift(`${el.localName}:nth-child(${[...el.parentElement.children].indexOf(el) + 1})`);
    }
    return { selector: `html > ${steps.join(' > ')}`, checked: input.checked, disabled: input.disabled };
  }, label);
}

export class SettingsPanel {
  private constructor(readonly page: TestPage) {}

  /**
   * Opens the popup in a new tab. With `forTab`, that tab is made the active one first, so that the
   * popup (which asks for the active tab when it loads) shows "On for <its host>", as when the user
   * clicks the toolbar button over it; the popup tab is brought to the front afterwards.
   */
  static async open(browser: TestBrowser, forTab?: TestPage): Promise<SettingsPanel> {
    const page = await browser.newPage();
    try {
      if (forTab) await forTab.raw.bringToFront();
      await page.goto(browser.extensionUrl('popup.html'));
      const panel = new SettingsPanel(page);
      if (forTab) {
        const host = await forTab.evaluate(() => location.hostname);
        await panel.waitForSwitch(LABELS.here(host));
        await page.raw.bringToFront();
      } else {
        await panel.waitForSwitch(LABELS.everywhere);
      }
      // The popup reads the settings and the glossary when it opens; the everyday words (from the
      // glossary) come last in practice. A click before those reads are done can be undone by them.
      await page.waitForFunction(() => document.querySelectorAll('fieldset label').length > 0, undefined, {
        timeout: 20_000,
      });
      return panel;
    } catch (error) {
      await page.close().catch(() => undefined);
      throw error;
    }
  }

  private async waitForSwitch(label: string): Promise<Switch> {
    try {
      return await this.page
        .waitForFunction(
          (label) => {
            const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
            return [...document.querySelectorAll('label')].some((l) => norm(l.textContent) === label);
          },
          label,
          { timeout: 20_000 },
        )
        .then(async () => (await findSwitch(this.page, label))!);
    } catch (error) {
      const shown = await this.page
        .evaluate(() => [...document.querySelectorAll('label')].map((l) => l.textContent?.trim()))
        .catch(() => '?');
      throw new Error(`The popup shows no switch "${label}"; its labels: ${JSON.stringify(shown)}`, { cause: error });
    }
  }

  /** Whether the switch labelled `label` is on. */
  async isOn(label: string): Promise<boolean> {
    return (await this.waitForSwitch(label)).checked;
  }

  /**
   * Clicks the switch labelled `label` and waits until it shows the new state; returns that state.
   * If the switch flips back (a late read of the stored settings in the popup; seen once under
   * load), it is clicked again, up to three times.
   */
  async toggle(label: string): Promise<boolean> {
    const before = await this.waitForSwitch(label);
    if (before.disabled) throw new Error(`The switch "${label}" is disabled`);
    for (let attempt = 1; ; attempt++) {
      // Found again for each click: the popup re-renders while it loads.
      const target = await this.waitForSwitch(label);
      if (target.checked !== before.checked) return target.checked;
      await this.page.click(target.selector);
      const flipped = await this.page
        .waitForFunction(
          ({ label, want }) => {
            const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
            const input = [...document.querySelectorAll('label')]
              .find((l) => norm(l.textContent) === label)
              ?.querySelector<HTMLInputElement>('input[type="checkbox"]');
            return input?.checked === want;
          },
          { label, want: !before.checked },
          { timeout: 5_000 },
        )
        .then(
          () => true,
          () => false,
        );
      if (flipped) {
        // It must stay flipped, not be reset by the popup's own loading.
        await new Promise((resolve) => setTimeout(resolve, 300));
        if ((await this.waitForSwitch(label)).checked !== before.checked) return !before.checked;
      }
      if (attempt === 3) throw new Error(`The switch "${label}" did not change after ${attempt} clicks`);
    }
  }

  /** Waits until storage.local holds `expected` for each of its keys (the popup writes asynchronously). */
  async waitForStored(expected: StoredSettings, timeout = 15_000): Promise<void> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const stored = await readSettings(this.page, Object.keys(expected));
      if (JSON.stringify(stored) === JSON.stringify(expected)) return;
      if (Date.now() > deadline) {
        throw new Error(`storage.local holds ${JSON.stringify(stored)}, expected ${JSON.stringify(expected)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

interface StorageHost {
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>>; remove(keys: string[]): Promise<void> } };
}

/** The stored page settings (only keys that are set), read on an extension page. */
export function readSettings(extensionPage: TestPage, keys: readonly string[] = SETTING_KEYS): Promise<StoredSettings> {
  return extensionPage.evaluate(
    async (keys) => {
      const host = globalThis as unknown as { browser?: StorageHost; chrome?: StorageHost };
      return (host.browser ?? host.chrome)!.storage.local.get(keys);
    },
    [...keys],
  );
}

/** Removes every page setting (back to the defaults: on everywhere, all occurrences, no everyday words). */
export async function resetSettings(browser: TestBrowser): Promise<void> {
  const page = await browser.openExtensionPage('popup.html');
  try {
    await page.evaluate(
      async (keys) => {
        const host = globalThis as unknown as { browser?: StorageHost; chrome?: StorageHost };
        await (host.browser ?? host.chrome)!.storage.local.remove(keys);
      },
      [...SETTING_KEYS],
    );
  } finally {
    await page.close().catch(() => undefined);
  }
}
