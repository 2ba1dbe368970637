import { EXPLAIN_COMMAND } from '@/core/constants';
import { contentScript } from '@/messaging/content';

export { EXPLAIN_COMMAND };

interface Deps {
  activeTabId: () => Promise<number | undefined>;
  send: (tabId: number) => Promise<unknown>;
}

const defaults: Deps = {
  activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
  send: (tabId) => contentScript({ tabId }).explainSelection({}),
};

/**
 * The keyboard command: asks the active tab's content scripts to explain the term at the selection.
 * Browsers do not fire extension commands from synthetic keys, so this handler is what tests drive.
 */
export async function onCommand(command: string, deps: Deps = defaults): Promise<boolean> {
  if (command !== EXPLAIN_COMMAND) return false;
  const tabId = await deps.activeTabId();
  if (tabId === undefined) return false;
  try {
    await deps.send(tabId);
    return true;
  } catch {
    // No content script there (a browser page, the store): nothing to explain.
    return false;
  }
}
