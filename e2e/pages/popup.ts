/** The browser-action popup (popup.html), opened as a tab. */
import type { TestBrowser, TestPage } from '../harness';

export class PopupPage {
  private constructor(readonly page: TestPage) {}

  /** Navigates `page` to the popup of `browser`'s extension. */
  static async open(browser: TestBrowser, page: TestPage): Promise<PopupPage> {
    await page.goto(browser.extensionUrl('popup.html'));
    return new PopupPage(page);
  }

  /** The visible <h1> text, once the popup has rendered it. */
  async heading(): Promise<string> {
    try {
      return await this.page.waitForFunction(() => document.querySelector('h1')?.textContent?.trim() || false);
    } catch (error) {
      // Say whether the page rendered at all, and whether the extension's _locales messages reached it.
      const state = await this.page
        .evaluate(() => {
          type I18n = { i18n?: { getMessage(key: string): string } };
          const api =
            (globalThis as unknown as { browser?: I18n; chrome?: I18n }).browser ??
            (globalThis as unknown as { chrome?: I18n }).chrome;
          return {
            h1Text: document.querySelector('h1')?.textContent ?? null,
            title: document.title,
            'i18n.getMessage("extName")': api?.i18n?.getMessage('extName') ?? null,
          };
        })
        .catch(() => null);
      throw new Error(`The popup shows no <h1> text; page state: ${JSON.stringify(state)}`, { cause: error });
    }
  }
}
