import { describe, expect, it } from 'vitest';
import { EXPLAIN_COMMAND, onCommand } from './commands';

describe('the explain-selection keyboard command', () => {
  it('asks the active tab to explain the selection', async () => {
    const sent: number[] = [];
    const ok = await onCommand(EXPLAIN_COMMAND, {
      activeTabId: () => Promise.resolve(12),
      send: (tabId) => Promise.resolve(void sent.push(tabId)),
    });
    expect(ok).toBe(true);
    expect(sent).toEqual([12]);
  });
  it('ignores other commands and tabs without a content script', async () => {
    const send = () => Promise.reject(new Error('Could not establish connection'));
    expect(await onCommand('something-else', { activeTabId: () => Promise.resolve(1), send })).toBe(false);
    expect(await onCommand(EXPLAIN_COMMAND, { activeTabId: () => Promise.resolve(1), send })).toBe(false);
    expect(await onCommand(EXPLAIN_COMMAND, { activeTabId: () => Promise.resolve(undefined), send })).toBe(false);
  });
});
