import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createMenus, MENU_ADD_TERM, MENU_EXPLAIN, onMenuClick, type MenuDeps } from './context-menu';

const deps = (): MenuDeps & { explain: ReturnType<typeof vi.fn>; openPage: ReturnType<typeof vi.fn> } => ({
  explain: vi.fn(() => Promise.resolve({ explained: 'etias' })),
  openPage: vi.fn(() => Promise.resolve()),
  pageUrl: (path) => `moz-extension://id${path}`,
});

describe('the context menu on a selection', () => {
  it('has its two items, the selection in their titles', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    const created: unknown[] = [];
    await createMenus({ removeAll: () => Promise.resolve(), create: (item) => created.push(item) });
    expect(created).toEqual([
      { id: MENU_EXPLAIN, title: expect.stringContaining('%s') as unknown, contexts: ['selection'] },
      { id: MENU_ADD_TERM, title: expect.stringContaining('%s') as unknown, contexts: ['selection'] },
    ]);
  });

  it('"Explain" asks the frame the selection is in, as the keyboard command asks the tab', async () => {
    const d = deps();
    expect(await onMenuClick({ menuItemId: MENU_EXPLAIN, selectionText: 'ETIAS', frameId: 3 }, { id: 7 }, d)).toBe(
      true,
    );
    expect(d.explain).toHaveBeenCalledWith(7, 3);
    d.explain.mockRejectedValueOnce(new Error('Could not establish connection'));
    expect(await onMenuClick({ menuItemId: MENU_EXPLAIN, selectionText: 'x' }, { id: 7 }, d)).toBe(false);
    expect(await onMenuClick({ menuItemId: MENU_EXPLAIN, selectionText: 'x' }, undefined, d)).toBe(false);
  });

  it('"Add to my terms" opens the form filled in: an abbreviation as one, anything else as the name', async () => {
    const d = deps();
    await onMenuClick({ menuItemId: MENU_ADD_TERM, selectionText: ' CBAM ' }, { id: 1 }, d);
    await onMenuClick({ menuItemId: MENU_ADD_TERM, selectionText: 'North Sea\n Wind Alliance' }, { id: 1 }, d);
    expect(d.openPage.mock.calls).toEqual([
      ['moz-extension://id/glossary.html#glossaries=&abbreviation=CBAM'],
      ['moz-extension://id/glossary.html#glossaries=&add=North+Sea+Wind+Alliance'],
    ]);
    expect(await onMenuClick({ menuItemId: MENU_ADD_TERM, selectionText: '  ' }, { id: 1 }, d)).toBe(false);
    expect(await onMenuClick({ menuItemId: 'someone-else', selectionText: 'x' }, { id: 1 }, d)).toBe(false);
  });
});
