import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { z } from '@/core/zod';
import { defineReceiver, InvalidMessageError } from './receiver';

const receiver = defineReceiver<{ greet: z.ZodMiniObject<{ name: z.ZodMiniString }> }, { greet: string }>({
  greet: z.object({ name: z.string() }),
});

type Trigger = (message: unknown, sender: unknown, respond: (reply: unknown) => void) => Promise<unknown[]>;

/** Tab 1 has a content script with the receiver's handler (through the library's listener); other tabs none. */
function tabs() {
  const trigger = (fakeBrowser.runtime.onMessage as unknown as { trigger: Trigger }).trigger;
  return vi
    .spyOn(fakeBrowser.tabs, 'sendMessage')
    .mockImplementation((tabId: number, message: unknown) =>
      tabId === 1
        ? new Promise((resolve) => void trigger(message, { tab: { id: tabId }, frameId: 0 }, resolve))
        : Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
    );
}

afterEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('a message to a tab', () => {
  it('goes through the promise form of tabs.sendMessage and is answered by the tab’s receiver', async () => {
    const sent = tabs();
    const stop = receiver.handle('greet', ({ name }, sender) =>
      Promise.resolve(`hello ${name} in tab ${sender.tabId}`),
    );
    await expect(receiver.client({ tabId: 1, frameId: 0 }).greet({ name: 'Anna' })).resolves.toBe(
      'hello Anna in tab 1',
    );
    // Two arguments and its options: no callback for a lastError to go unread in.
    expect(sent.mock.calls[0]).toEqual([
      1,
      expect.objectContaining({ type: 'greet', data: { name: 'Anna' } }),
      { frameId: 0 },
    ]);
    stop();
  });

  it('brings back the receiver’s error, by name and message, and a malformed request’s', async () => {
    tabs();
    const stop = receiver.handle('greet', () => Promise.reject(new RangeError('too late')));
    await expect(receiver.client({ tabId: 1 }).greet({ name: 'Anna' })).rejects.toMatchObject({
      name: 'RangeError',
      message: 'too late',
    });
    const malformed = receiver.client({ tabId: 1 }).greet({ name: 7 } as never);
    await expect(malformed).rejects.toMatchObject({ name: new InvalidMessageError('').name });
    await expect(malformed).rejects.toThrow(/Malformed "greet" message: name/);
    stop();
  });

  it('rejects for a tab without our content script', async () => {
    tabs();
    await expect(receiver.client({ tabId: 2 }).greet({ name: 'Anna' })).rejects.toThrow(/Receiving end does not exist/);
  });
});
