import { describe, expect, it } from 'vitest';
import { mergeNoteText } from './note-merge';
import { NOTE_MAX_CHARS } from './notes';
import { EXPORT_FORMAT, NotesImportError, parseNotesExport } from './notes-export';
import { notesToMarkdown } from './notes-markdown';

const known = new Set(['etias', 'gbvb']);
const note = (over: Record<string, unknown> = {}) => ({
  termId: 'etias',
  text: 'Start eind 2026?',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_100_000,
  revision: 2,
  ...over,
});
const file = (over: Record<string, unknown> = {}, notes: unknown[] = [note()]) =>
  JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: '2026-11-28T06:00:00.000Z', notes, ...over });

function problemsOf(raw: string): string[] {
  try {
    parseNotesExport(raw, known);
  } catch (e) {
    if (e instanceof NotesImportError) return e.problems;
    throw e;
  }
  return [];
}

describe('parseNotesExport', () => {
  it('reads a valid file', () => {
    const data = parseNotesExport(
      file({}, [note(), note({ termId: 'gbvb', context: { title: 't', url: 'https://x', sentence: 's' } })]),
      known,
    );
    expect(data.notes.map((n) => n.termId)).toEqual(['etias', 'gbvb']);
  });

  // Each way the format can be wrong, with the place the message must name.
  it.each([
    ['bad JSON', '{"format": ', /not valid JSON/],
    ['an array instead of an object', '[]', /\(file\)/],
    ['another format', file({ format: 'something-else' }), /format/],
    ['a newer version', file({ version: 3 }), /version: unsupported version/],
    [
      'a missing notes list',
      JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: '2026-11-28T06:00:00.000Z' }),
      /notes/,
    ],
    ['a bad date', file({ exportedAt: 'yesterday' }), /exportedAt/],
    ['text of the wrong type', file({}, [note({ text: 42 })]), /notes\[0\]\.text/],
    ['a revision of the wrong type', file({}, [note({ revision: '2' })]), /notes\[0\]\.revision/],
    ['a negative time', file({}, [note({ createdAt: -1 })]), /notes\[0\]\.createdAt/],
    ['updated before created', file({}, [note({ updatedAt: 1 })]), /notes\[0\]\.updatedAt/],
    ['an unknown term id', file({}, [note({ termId: 'nope' })]), /notes\[0\]\.termId: no glossary term "nope"/],
    ['an id that is not an id', file({}, [note({ termId: '../../etc' })]), /notes\[0\]\.termId/],
    [
      'oversize text',
      file({}, [note({ text: 'x'.repeat(NOTE_MAX_CHARS + 1) })]),
      /notes\[0\]\.text: a note holds at most/,
    ],
    ['a term twice', file({}, [note(), note({ text: 'again' })]), /notes\[1\]\.termId: "etias" appears twice/],
    ['an unknown field', file({}, [note({ html: '<b>x</b>' })]), /notes\[0\]/],
    ['a prototype key', '{"__proto__": {"polluted": true}, "format": "x"}', /format/],
  ])('rejects %s, saying where', (_what, raw, message) => {
    const problems = problemsOf(raw);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads version 2: notes on imported glossaries are kept even when that glossary is not here', () => {
    const orphan = note({ termId: 'iate-energy:3512487', termName: 'Energy Union' });
    const data = parseNotesExport(file({ version: 2 }, [note(), orphan]), known);
    expect(data.notes.map((n) => [n.termId, n.termName])).toEqual([
      ['etias', undefined],
      ['iate-energy:3512487', 'Energy Union'],
    ]);
    // Version 1 had no such notes; the letter's terms must still exist in both.
    expect(problemsOf(file({ version: 1 }, [orphan]))).toEqual([
      'notes[0].termId: "iate-energy:3512487" needs version 2',
    ]);
    expect(problemsOf(file({ version: 2 }, [note({ termId: 'gone' })]))).toEqual([
      'notes[0].termId: no glossary term "gone"',
    ]);
  });

  it('keeps whatever a text box holds: tabs, line breaks, form feeds and other control characters', () => {
    const text = 'a\tb\nc\r\nd\fe\u0000f\u0007g\u007fh\u0085i';
    expect(parseNotesExport(file({}, [note({ text })]), known).notes[0]?.text).toBe(text);
  });

  it('turns a lone surrogate into U+FFFD and keeps whole astral symbols', () => {
    const text = 'emoji 😀 cut \ud83d here, and \ude00 there';
    expect(parseNotesExport(file({}, [note({ text })]), known).notes[0]?.text).toBe(
      'emoji 😀 cut \ufffd here, and \ufffd there',
    );
  });

  it('accepts hostile-looking text as plain text', () => {
    const text = '<img src=x onerror=alert(1)> ${process} "); DROP TABLE notes; -- \u202e';
    expect(parseNotesExport(file({}, [note({ text })]), known).notes[0]?.text).toBe(text);
  });
});

describe('mergeNoteText', () => {
  const M = '--';
  it('takes the only side that changed', () => {
    expect(mergeNoteText('a', 'a', 'ab', M)).toBe('ab');
    expect(mergeNoteText('a', 'ab', 'a', M)).toBe('ab');
  });
  it('keeps both appends in order', () => {
    expect(mergeNoteText('Note', 'Note, popup', 'Note; tooltip', M)).toBe('Note, popup; tooltip');
  });
  it('does not double a text that was already saved (a stale draft replayed)', () => {
    const saved = 'Eerste versie.';
    expect(mergeNoteText('', `${saved} (bijgewerkt in de tooltip)`, saved, M)).toBe(
      `${saved} (bijgewerkt in de tooltip)`,
    );
  });
  it('keeps both versions when they diverge', () => {
    expect(mergeNoteText('abc', 'xbc', 'abz', M)).toBe('xbc\n\n--\nabz');
  });
  it('never loses a character of either side', () => {
    for (const [base, cur, inc] of [
      ['', 'a', 'b'],
      ['hello', 'hello world', 'hi'],
      ['x', '', 'y'],
    ] satisfies [string, string, string][]) {
      const merged = mergeNoteText(base, cur, inc, M);
      expect(merged.includes(cur) || cur === base).toBe(true);
      expect(merged.includes(inc) || inc === base).toBe(true);
    }
  });
});

describe('notesToMarkdown', () => {
  it('lists notes by term name with their dates and where they were met', () => {
    const md = notesToMarkdown(
      [
        note({
          termId: 'gbvb',
          text: 'GBVB-notitie',
          context: { title: 'Nieuws', url: 'https://nos.nl/a', sentence: 's' },
        }),
        note(),
      ],
      (id) => id.toUpperCase(),
      { title: 'Notes', updated: 'updated', seenOn: 'seen on' },
    );
    expect(md).toMatch(/^# Notes\n\n## ETIAS\n\nStart eind 2026\?\n/);
    expect(md).toContain('## GBVB\n\nGBVB-notitie');
    expect(md).toContain('[Nieuws](https://nos.nl/a)');
  });
});
