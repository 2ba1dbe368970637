import { describe, expect, it } from 'vitest';
import glossary from '@/data/glossary.json';
import type { GlossaryEntry } from './glossary-schema';
import type { ImportedEntry } from './imported-schema';
import {
  digestFileName,
  digestToCsv,
  digestToMarkdown,
  importedDigestTerm,
  letterDigestTerm,
  type DigestLabels,
  type PageDigest,
} from './page-digest';

const labels: DigestLabels = {
  untitled: 'Terms on this page',
  letterGlossary: 'The letter',
  note: 'Note',
  columns: {
    term: 'Term',
    abbreviations: 'Abbreviations',
    definition: 'Definition',
    lang: 'Language',
    note: 'Note',
    count: 'Occurrences',
    glossary: 'Glossary',
    pageTitle: 'Page',
    pageUrl: 'URL',
  },
};

const letter = (id: string) => (glossary.entries as GlossaryEntry[]).find((e) => e.id === id)!;

const cbam: ImportedEntry = {
  id: '3580347',
  terms: [
    { lang: 'en', text: 'CBAM', type: 'abbreviation' },
    { lang: 'en', text: 'carbon border adjustment mechanism', type: 'fullForm' },
    { lang: 'nl', text: 'mechanisme voor koolstofgrenscorrectie' },
    { lang: 'nl', text: 'CBAM', type: 'abbreviation' },
  ],
  definitions: [{ lang: 'en', text: 'A <b>charge</b> on [imports](https://evil.example).' }],
  subjectFields: [],
};

function digest(): PageDigest {
  return {
    title: 'Reizen naar het *Schengengebied*',
    url: 'https://example.org/reizen?a=1&b=2',
    terms: [
      letterDigestTerm(letter('etias'), 'nl', { note: null, count: 2 }),
      importedDigestTerm('iate-energy:3580347', cbam, 'IATE energy', 'nl', {
        note: 'Check with [the desk](https://x.test)',
        count: 1,
      }),
      letterDigestTerm(letter('nsec'), 'nl', {
        note: 'line one\n# not a heading\n\n<script>alert(1)</script>',
        count: 1,
      }),
    ],
  };
}

describe('a page digest as Markdown', () => {
  const md = digestToMarkdown(digest(), labels);

  it('has the title as heading, the URL, and one item per term in the given order', () => {
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Reizen naar het \\*Schengengebied\\*');
    expect(lines[2]).toBe('<https://example.org/reizen?a=1&b=2>');
    expect(lines.filter((l) => l.startsWith('- '))).toEqual([
      '- **ETIAS**',
      '- **mechanisme voor koolstofgrenscorrectie** (CBAM) — _IATE energy_',
      `- **${letter('nsec').name.nl}**`,
    ]);
  });

  it('gives each letter entry its definition in the reader’s language', () => {
    const unescaped = md.replace(/\\(.)/g, '$1');
    for (const id of ['etias', 'nsec']) expect(unescaped).toContain(`\n  ${letter(id).short.nl}\n`);
  });

  it('falls back to English for an imported entry without a definition in the reader’s language, escaped', () => {
    expect(md).toContain('  A \\<b\\>charge\\</b\\> on \\[imports\\](https://evil.example).');
    expect(md).not.toMatch(/[^\\]\[imports\]/);
  });

  it('keeps a note’s lines and paragraphs inside the item; nothing in it becomes markup', () => {
    expect(md).toContain(
      ['  _Note:_ line one\\', '  \\# not a heading', '', '  \\<script\\>alert(1)\\</script\\>'].join('\n'),
    );
    expect(md).toContain('  _Note:_ Check with \\[the desk\\](https://x.test)');
    expect(md).not.toMatch(/(^|[^\\])<(?!https:\/\/example\.org\/reizen)/m);
  });

  it('escapes block markers at the start of a note’s lines', () => {
    const one = digestToMarkdown(
      { title: '', url: 'about:blank', terms: [{ ...digest().terms[0]!, note: 'x\n- item\n1. first\n> quote\n=== ' }] },
      labels,
    );
    expect(one).toContain(['  _Note:_ x\\', '  \\- item\\', '  1\\. first\\', '  \\> quote\\', '  \\==='].join('\n'));
    expect(one.split('\n')[0]).toBe('# Terms on this page');
    expect(one.split('\n')[2]).toBe('about:blank');
  });

  it('does not make a link of a URL that is not plain http(s)', () => {
    const md = digestToMarkdown({ title: 't', url: 'javascript:alert(1)<x>', terms: [] }, labels);
    expect(md.split('\n')[2]).toBe('javascript:alert(1)\\<x\\>');
  });
});

describe('a page digest as CSV', () => {
  const csv = digestToCsv(digest(), labels);
  const rows = csv.split('\r\n');

  it('has a header row and one row per term, each line ending in CRLF', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(rows[0]).toBe('"Term","Abbreviations","Definition","Language","Note","Occurrences","Glossary","Page","URL"');
    expect(rows[1]).toMatch(
      /^"ETIAS","","[^"]+","nl","","2","The letter","Reizen naar het \*Schengengebied\*","https:\/\/example\.org\/reizen\?a=1&b=2"$/,
    );
    expect(rows[2]).toContain(
      '"mechanisme voor koolstofgrenscorrectie","CBAM","A <b>charge</b> on [imports](https://evil.example).","nl"',
    );
  });

  it('quotes line breaks and doubles quotes (RFC 4180)', () => {
    const one = digestToCsv(
      { title: 'A "quoted" title', url: 'https://e.test/', terms: [{ ...digest().terms[0]!, note: 'a, b\r\n"c"' }] },
      labels,
    );
    expect(one).toContain('"a, b\n""c"""');
    expect(one).toContain('"A ""quoted"" title"');
    // A parser that follows RFC 4180 reads the fields back.
    expect(parseCsv(one)[1]).toEqual([
      'ETIAS',
      '',
      letter('etias').short.nl,
      'nl',
      'a, b\n"c"',
      '2',
      'The letter',
      'A "quoted" title',
      'https://e.test/',
    ]);
  });

  it('puts an apostrophe before a cell a spreadsheet would run as a formula', () => {
    for (const danger of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      const one = digestToCsv(
        { title: danger, url: 'https://e.test/', terms: [{ ...digest().terms[0]!, note: danger, name: danger }] },
        labels,
      );
      const fields = parseCsv(one)[1]!;
      expect(fields[0]).toBe(`'${danger}`);
      expect(fields[4]).toBe(`'${danger.replace(/\r/g, '\n')}`);
    }
    const plain = parseCsv(
      digestToCsv({ title: 't', url: 'https://e.test/', terms: [{ ...digest().terms[0]!, note: 'a=b' }] }, labels),
    );
    expect(plain[1]![4]).toBe('a=b');
  });
});

describe('a digest’s file name', () => {
  it('is made from the title, else the host', () => {
    expect(digestFileName({ title: 'Reizen naar het Schengengebied — 2023', url: 'https://e.test/' }, 'csv')).toBe(
      'benelux-glossary-reizen-naar-het-schengengebied-2023.csv',
    );
    expect(digestFileName({ title: 'Événement / Ärger', url: 'https://e.test/' }, 'md')).toBe(
      'benelux-glossary-evenement-arger.md',
    );
    expect(digestFileName({ title: '  ', url: 'https://www.rijksoverheid.nl/x' }, 'md')).toBe(
      'benelux-glossary-www-rijksoverheid-nl.md',
    );
    expect(digestFileName({ title: '../..', url: 'nope' }, 'md')).toBe('benelux-glossary.md');
  });
});

/** A small RFC 4180 reader for the tests: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const re = /"((?:[^"]|"")*)"(,|\r\n)/g;
  let row: string[] = [];
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = re.exec(text))) {
    if (m.index !== at) throw new Error(`unexpected text at ${at}: ${JSON.stringify(text.slice(at, m.index))}`);
    at = re.lastIndex;
    row.push(m[1]!.replace(/""/g, '"'));
    if (m[2] === '\r\n') {
      rows.push(row);
      row = [];
    }
  }
  if (at !== text.length) throw new Error('trailing text');
  return rows;
}
