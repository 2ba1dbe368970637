import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { backgroundReceiver } from '@/messaging/background';
import { InvalidMessageError } from '@/messaging/receiver';
import { sampleGlossary } from '@/test/sample-glossary';
import { createHandlers } from './handlers';

let n = 0;
const freshDb = () => openDatabase(`handlers-test-${n++}`);

describe('background handlers', () => {
  it('answer from a cold start on an empty database', async () => {
    const db = freshDb();
    const handlers = createHandlers(db, sampleGlossary('1.0.0', ['etias', 'nsec']));
    const entry = await handlers.getEntry({ id: 'etias' }, {});
    expect(entry?.id).toBe('etias');
    expect(entry && 'aliasKeys' in entry).toBe(false);
    let published = 0;
    const withPublish = createHandlers(freshDb(), sampleGlossary('1.0.0', ['etias']), {
      publish: () => Promise.resolve(void published++),
    });
    expect(await withPublish.publishPageGlossary({}, {})).toEqual({ version: '1.0.0' });
    expect(published).toBe(1);
  });

  it('answer null for an unknown id', async () => {
    const handlers = createHandlers(freshDb(), sampleGlossary());
    expect(await handlers.getEntry({ id: 'nope' }, {})).toBeNull();
  });
});

describe('toolbar badge', () => {
  it('shows the distinct term count for the top frame, "off" when switched off, nothing for subframes', async () => {
    const calls: string[] = [];
    const badge = {
      setBadgeText: ({ tabId, text }: { tabId: number; text: string }) => void calls.push(`${tabId}:${text}`),
      setBadgeBackgroundColor: () => undefined,
    };
    const handlers = createHandlers(freshDb(), sampleGlossary(), { badge });
    await handlers.reportPageTerms({ distinct: 7, enabled: true }, { tabId: 3, frameId: 0 });
    await handlers.reportPageTerms({ distinct: 2, enabled: true }, { tabId: 3, frameId: 5 });
    await handlers.reportPageTerms({ distinct: 0, enabled: false }, { tabId: 4, frameId: 0 });
    await handlers.reportPageTerms({ distinct: 0, enabled: true }, { tabId: 5, frameId: 0 });
    expect(calls).toEqual(['3:7', '4:off', '5:']);
  });
});

describe('openPdfInViewer', () => {
  it("opens the sender's own address, from a tab's top frame and over http(s) only", async () => {
    const opened: [number, string][] = [];
    const handlers = createHandlers(freshDb(), sampleGlossary(), {
      openPdf: (tabId, url) => {
        opened.push([tabId, url]);
        return Promise.resolve(true);
      },
    });
    const pdf = 'https://eur-lex.europa.eu/a.pdf';
    expect(await handlers.openPdfInViewer({}, { tabId: 3, frameId: 0, url: pdf })).toEqual({ opened: true });
    expect(await handlers.openPdfInViewer({}, { tabId: 3, frameId: 2, url: pdf })).toEqual({ opened: false });
    expect(await handlers.openPdfInViewer({}, { tabId: 3, frameId: 0, url: 'file:///a.pdf' })).toEqual({
      opened: false,
    });
    expect(await handlers.openPdfInViewer({}, { frameId: 0, url: pdf })).toEqual({ opened: false });
    expect(opened).toEqual([[3, pdf]]);
  });
});

describe('setKnown', () => {
  it('stores the choice, tells the pages, and refuses an unknown term id', async () => {
    const told: string[][] = [];
    const handlers = createHandlers(freshDb(), sampleGlossary(), {
      knownChanged: (known) => Promise.resolve(void told.push(known)),
    });
    expect(await handlers.setKnown({ termId: 'etias', known: true }, {})).toEqual({ known: ['etias'] });
    expect(told).toEqual([['etias']]);
    expect(await handlers.setKnown({ termId: 'etias', known: false }, {})).toEqual({ known: [] });
    await expect(handlers.setKnown({ termId: 'nope', known: true }, {})).rejects.toThrow(/Unknown term id "nope"/);
  });
});

describe('message validation', () => {
  it('accepts a well-formed request', () => {
    expect(backgroundReceiver.parse('getEntry', { id: 'etias' })).toEqual({ id: 'etias' });
    expect(backgroundReceiver.parse('publishPageGlossary', undefined)).toEqual({});
  });
  it.each([
    ['getEntry', { id: 5 }, /getEntry.*id/],
    ['getEntry', {}, /getEntry.*id/],
    ['getEntry', { id: 'x'.repeat(201) }, /id/],
    ['getImportedEntry', { id: 'iate energy:1' }, /id/],
    ['matchTexts', { version: 'v', texts: [5], enabledIds: [], knownIds: [] }, /texts/],
    ['getEntry', 'etias', /getEntry/],
    ['publishPageGlossary', { extra: true }, /publishPageGlossary/],
    ['ensureSeeded', { from: 'popup' }, /ensureSeeded/],
    ['saveNote', { termId: 'etias', text: 1, baseRevision: 0, baseText: '' }, /saveNote.*text/],
  ] as const)('rejects %s with %j and says why', (name, data, message) => {
    expect(() => backgroundReceiver.parse(name, data)).toThrow(InvalidMessageError);
    expect(() => backgroundReceiver.parse(name, data)).toThrow(message);
  });
});

describe('note handlers', () => {
  it('save, tell open views, and refuse notes on unknown terms', async () => {
    const changed: (string | undefined)[] = [];
    const handlers = createHandlers(freshDb(), sampleGlossary(), { notesChanged: (id) => changed.push(id) });
    const saved = await handlers.saveNote({ termId: 'etias', text: 'notitie', baseRevision: 0, baseText: '' }, {});
    expect(saved.note?.revision).toBe(1);
    expect((await handlers.getNote({ termId: 'etias' }, {}))?.text).toBe('notitie');
    expect(changed).toEqual(['etias']);
    await expect(
      handlers.saveNote({ termId: 'missing', text: 'x', baseRevision: 0, baseText: '' }, {}),
    ).rejects.toThrow(/Unknown term id/);
  });

  it('import a malformed file changes nothing and says what was wrong', async () => {
    const handlers = createHandlers(freshDb(), sampleGlossary());
    await handlers.saveNote({ termId: 'etias', text: 'blijft', baseRevision: 0, baseText: '' }, {});
    await expect(handlers.importNotes({ json: '{"format":"benelux-glossary-notes","version":1}' }, {})).rejects.toThrow(
      /nothing changed[\s\S]*exportedAt/,
    );
    expect((await handlers.getNote({ termId: 'etias' }, {}))?.text).toBe('blijft');
  });
});
