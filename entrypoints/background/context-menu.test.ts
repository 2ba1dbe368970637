import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  createMenus,
  MENU_ADD_TERM,
  MENU_EXPLAIN,
  MENU_NOTE,
  MENU_OPEN_PDF,
  MENU_OPEN_PDF_LINK,
  PDF_PATTERNS,
  nameTermOnShown,
  onMenuClick,
  type MenuDeps,
} from './context-menu';

type Mocked = MenuDeps & {
  explain: ReturnType<typeof vi.fn>;
  note: ReturnType<typeof vi.fn>;
  openPage: ReturnType<typeof vi.fn>;
  showInTab: ReturnType<typeof vi.fn>;
};
const deps = (): Mocked => ({
  explain: vi.fn(() => Promise.resolve({ explained: 'etias' })),
  note: vi.fn(() => Promise.resolve({ opened: 'etias' })),
  openPage: vi.fn(() => Promise.resolve()),
  showInTab: vi.fn(() => Promise.resolve()),
  pageUrl: (path) => `moz-extension://id${path}`,
});

describe('the context menu', () => {
  it('has its two items on a selection, the selection in their titles, and the note item on a page', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    const created: unknown[] = [];
    await createMenus({ removeAll: () => Promise.resolve(), create: (item) => created.push(item) });
    expect(created).toEqual([
      { id: MENU_EXPLAIN, title: expect.stringContaining('%s') as unknown, contexts: ['selection'] },
      { id: MENU_ADD_TERM, title: expect.stringContaining('%s') as unknown, contexts: ['selection'] },
      { id: MENU_NOTE, title: expect.any(String) as unknown, contexts: ['page', 'link', 'selection'] },
      {
        id: MENU_OPEN_PDF_LINK,
        title: expect.any(String) as unknown,
        contexts: ['link'],
        targetUrlPatterns: PDF_PATTERNS,
      },
      {
        id: MENU_OPEN_PDF,
        title: expect.any(String) as unknown,
        contexts: ['page'],
        documentUrlPatterns: PDF_PATTERNS,
      },
    ]);
  });

  it('"Open in Benelux Glossary": a link to a PDF in a new tab of the viewer, a PDF itself in its tab', async () => {
    const d = deps();
    const pdf = 'https://eur-lex.europa.eu/doc/a.pdf?lang=nl&x=1';
    const viewer = `moz-extension://id/pdf.html?url=${encodeURIComponent(pdf)}`;
    expect(
      await onMenuClick({ menuItemId: MENU_OPEN_PDF_LINK, linkUrl: pdf, pageUrl: 'https://x.org/' }, { id: 4 }, d),
    ).toBe(true);
    expect(d.openPage).toHaveBeenCalledWith(viewer);
    expect(await onMenuClick({ menuItemId: MENU_OPEN_PDF, pageUrl: pdf }, { id: 4 }, d)).toBe(true);
    expect(d.showInTab).toHaveBeenCalledWith(4, viewer);
    expect(await onMenuClick({ menuItemId: MENU_OPEN_PDF_LINK, linkUrl: 'file:///home/me/a.pdf' }, { id: 4 }, d)).toBe(
      false,
    );
    expect(await onMenuClick({ menuItemId: MENU_OPEN_PDF, pageUrl: pdf }, undefined, d)).toBe(false);
    expect(d.openPage).toHaveBeenCalledTimes(1);
    expect(d.showInTab).toHaveBeenCalledTimes(1);
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

  it('"Add a note on this term" asks the frame right-clicked in to open the note of its term there', async () => {
    const d = deps();
    expect(await onMenuClick({ menuItemId: MENU_NOTE, frameId: 2 }, { id: 7 }, d)).toBe(true);
    expect(d.note).toHaveBeenCalledWith(7, 2);
    expect(d.explain).not.toHaveBeenCalled();
    d.note.mockResolvedValueOnce({ opened: null }); // right-clicked off a term (Chrome offers the item anyway)
    expect(await onMenuClick({ menuItemId: MENU_NOTE }, { id: 7 }, d)).toBe(false);
    expect(d.note).toHaveBeenLastCalledWith(7, 0);
    d.note.mockRejectedValueOnce(new Error('Could not establish connection'));
    expect(await onMenuClick({ menuItemId: MENU_NOTE }, { id: 7 }, d)).toBe(false);
  });

  it('Firefox: names the right-clicked term in the item, hides it off a term, ignores a late answer', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key, subs) =>
      key === 'menuNoteOnNamed' ? `Note on ${String(subs)}` : key,
    );
    const updates: unknown[] = [];
    const menus = { update: (id: string, p: object) => void updates.push([id, p]), refresh: vi.fn() };
    const answers = new Map<number, { termId: string; text: string } | null>([
      [0, { termId: 'etias', text: 'ETIAS' }],
      [1, null],
    ]);
    const naming = nameTermOnShown(menus, (tabId, frameId) => Promise.resolve(answers.get(frameId) ?? null));
    await naming.onShown({ menuIds: [MENU_NOTE], frameId: 0 }, { id: 3 });
    await naming.onShown({ menuIds: [MENU_NOTE], frameId: 1 }, { id: 3 });
    expect(updates).toEqual([
      [MENU_NOTE, { title: 'Note on ETIAS', visible: true }],
      [MENU_NOTE, { title: 'menuNoteOnTerm', visible: false }],
    ]);
    expect(menus.refresh).toHaveBeenCalledTimes(2);
    // The menu closed before the frame answered: nothing changes.
    let answer!: (v: { termId: string; text: string }) => void;
    const late = nameTermOnShown(menus, () => new Promise((resolve) => (answer = resolve)));
    const pending = late.onShown({ menuIds: [MENU_NOTE] }, { id: 3 });
    late.onHidden();
    answer({ termId: 'etias', text: 'ETIAS' });
    await pending;
    expect(updates).toHaveLength(2);
  });
});
