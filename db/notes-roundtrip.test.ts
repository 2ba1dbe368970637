import { describe, expect, it } from 'vitest';
import { parseNotesExport } from '@/core/notes-export';
import { backgroundReceiver } from '@/messaging/background';
import { prng } from '@/test/prng';
import { sampleGlossary } from '@/test/sample-glossary';
import { openDatabase } from './database';
import { seedGlossary } from './glossary-repo';
import { exportNotes, getNote, importNotes, saveNote } from './notes-repo';

/**
 * What the message path accepts, the export writes and the import reads back: one note schema for
 * all three. Notes are random: every control character, astral symbols, lone surrogates, up to the
 * longest note we keep.
 */
const CONTROLS = [...Array(0x20).keys(), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i)].map((c) =>
  String.fromCharCode(c),
);
const PIECES = [
  ...CONTROLS,
  '😀',
  '𝔘',
  '\u{1F1F3}\u{1F1F1}',
  '\ud83d', // a lone high surrogate
  '\ude00', // a lone low surrogate
  'é',
  'ß',
  ' ',
  'ETIAS',
  '<img src=x onerror=alert(1)>',
  '\u202e',
  '\ufeff',
];

function randomNote(random: () => number): string {
  const length = random() < 0.1 ? 10_000 : Math.floor(random() * 200);
  let text = '';
  while (text.length < length) {
    const piece =
      random() < 0.6 ? PIECES[Math.floor(random() * PIECES.length)]! : String.fromCharCode((32 + random() * 95) | 0);
    if (text.length + piece.length > length) break;
    text += piece;
  }
  return text.trim() === '' ? `x${text}` : text;
}

let n = 0;

describe('a note typed → saved by message → exported → imported', () => {
  it('comes back as it was saved, for 300 random notes', { timeout: 60_000 }, async () => {
    const random = prng(20261130);
    const glossary = sampleGlossary('1.0.0', ['etias', 'nsec']);
    const ids = new Set(glossary.entries.map((e) => e.id));
    for (let i = 0; i < 300; i++) {
      const typed = randomNote(random);
      const from = openDatabase(`roundtrip-from-${n}`);
      const to = openDatabase(`roundtrip-to-${n++}`);
      await seedGlossary(from, glossary);
      // The background validates the message before it saves (messaging/background.ts).
      const request = backgroundReceiver.parse('saveNote', {
        termId: 'etias',
        text: typed,
        baseRevision: 0,
        baseText: '',
      });
      const saved = (await saveNote(from, request)).note;
      expect(saved?.text).toBe(typed.toWellFormed());
      // Through a UTF-8 file, as the glossary page writes and reads it.
      const file = new TextDecoder().decode(new TextEncoder().encode(JSON.stringify(await exportNotes(from))));
      await importNotes(to, parseNotesExport(file, ids));
      expect((await getNote(to, 'etias'))?.text, `note ${i}: ${JSON.stringify(typed.slice(0, 80))}`).toBe(saved?.text);
      from.close();
      to.close();
    }
  });

  it('a form feed saved through the message path imports back (it did not: two validators disagreed)', async () => {
    const from = openDatabase(`roundtrip-from-${n}`);
    const to = openDatabase(`roundtrip-to-${n++}`);
    const request = backgroundReceiver.parse('saveNote', {
      termId: 'etias',
      text: 'page 1\fpage 2',
      baseRevision: 0,
      baseText: '',
    });
    await saveNote(from, request);
    const file = JSON.stringify(await exportNotes(from));
    await importNotes(to, parseNotesExport(file, new Set(['etias'])));
    expect((await getNote(to, 'etias'))?.text).toBe('page 1\fpage 2');
  });
});
