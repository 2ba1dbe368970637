import type { Lang } from './constants';
import type { GlossaryEntry } from './glossary-schema';
import { importedEntryView } from './imported-entry-view';
import type { ImportedEntry } from './imported-schema';

/**
 * A digest of the terms on a page — what a reader pastes into the brief they are writing — as
 * Markdown and as CSV. Every text in it comes from a page, a glossary or a note: it is escaped so that
 * it stays text wherever the digest is pasted (no link, no HTML, no spreadsheet formula).
 */

export interface DigestTerm {
  /** The term key (a letter id, or `glossary:entry`). */
  id: string;
  name: string;
  /** Abbreviations and short forms the name does not already show. */
  abbreviations: string[];
  definition: string | null;
  /** The language of the name and definition (an imported entry may lack the reader's). */
  lang: string;
  note: string | null;
  /** Occurrences on the page. */
  count: number;
  /** An imported glossary's title; null for the letter's entries. */
  glossary: string | null;
}

export interface PageDigest {
  title: string;
  url: string;
  /** In the order of the popup's "on this page" list. */
  terms: DigestTerm[];
}

export interface DigestLabels {
  /** The heading when the page has no title. */
  untitled: string;
  /** The letter's title, in the CSV's glossary column (Markdown names only imported glossaries). */
  letterGlossary: string;
  note: string;
  columns: {
    term: string;
    abbreviations: string;
    definition: string;
    lang: string;
    note: string;
    count: string;
    glossary: string;
    pageTitle: string;
    pageUrl: string;
  };
}

/** One of the letter's entries, for a reader of `lang`: its short definition, as the tooltip shows it. */
export function letterDigestTerm(
  entry: GlossaryEntry,
  lang: Lang,
  extra: { note: string | null; count: number },
): DigestTerm {
  const name = entry.name[lang];
  return {
    id: entry.id,
    name,
    abbreviations: entry.abbreviations.filter((a) => !name.includes(a)),
    definition: entry.short[lang],
    lang,
    glossary: null,
    ...extra,
  };
}

/** An imported glossary's entry, named and defined as its tooltip card does (core/imported-entry-view.ts). */
export function importedDigestTerm(
  key: string,
  entry: ImportedEntry,
  glossaryTitle: string,
  lang: string,
  extra: { note: string | null; count: number },
): DigestTerm {
  const view = importedEntryView(entry, lang);
  return {
    id: key,
    name: view.name.main.text,
    abbreviations: view.name.short.map((t) => t.text),
    definition: view.definition?.text ?? null,
    lang: view.name.lang,
    glossary: glossaryTitle,
    ...extra,
  };
}

// ---- Markdown -------------------------------------------------------------------------------------

/** One line of text as Markdown text: every character that could start markup is escaped. */
function mdInline(text: string): string {
  // CommonMark lets any ASCII punctuation be escaped; these are the ones that make links (`[`, `]`),
  // HTML and autolinks (`<`, `>`), entities (`&`), code, emphasis, strikethrough and table cells.
  return text.replace(/[\\`*_[\]<>&~|]/g, '\\$&');
}

/** A line's start that Markdown would read as a block (heading, quote, list, rule, setext underline). */
const BLOCK_START = /^(#|>|[-+=]|\d+(?=[.)]))/;

function mdLine(text: string): string {
  // Leading spaces would make an indented code block; a block marker is escaped.
  const line = mdInline(text.trim());
  return line.replace(BLOCK_START, (m) => (/^\d/.test(m) ? m + '\\' : '\\' + m));
}

/** Text that should read as one line (a name, a title, a definition). */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A note, kept line by line inside a list item: lines end in a hard break, an empty line starts a
 * new paragraph; every line is indented to stay in the item.
 */
function mdNote(note: string, indent: string): string[] {
  const paragraphs = note
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map(mdLine)
        .filter((l) => l !== ''),
    )
    .filter((p) => p.length > 0);
  return paragraphs.flatMap((lines, i) => [
    ...(i > 0 ? [''] : []),
    ...lines.map((l, j) => indent + l + (j < lines.length - 1 ? '\\' : '')),
  ]);
}

/** A URL as a Markdown autolink when it is a plain http(s) URL (it then shows what it links to), else as text. */
function mdUrl(url: string): string {
  return /^https?:\/\/[^\s<>\\]+$/.test(url) ? `<${url}>` : mdLine(oneLine(url));
}

/** The digest as Markdown: the page's title as a heading, its URL, then one list item a term. */
export function digestToMarkdown(digest: PageDigest, labels: DigestLabels): string {
  const title = mdLine(oneLine(digest.title)) || mdLine(labels.untitled);
  const lines = [`# ${title}`, '', mdUrl(digest.url), ''];
  for (const term of digest.terms) {
    let head = `- **${mdLine(oneLine(term.name))}**`;
    if (term.abbreviations.length > 0) head += ` (${term.abbreviations.map((a) => mdInline(oneLine(a))).join(', ')})`;
    if (term.glossary) head += ` — _${mdInline(oneLine(term.glossary))}_`;
    lines.push(head);
    if (term.definition) lines.push('', `  ${mdLine(oneLine(term.definition))}`);
    const note = term.note ? mdNote(term.note, '  ') : [];
    if (note.length > 0) {
      note[0] = `  _${mdInline(labels.note)}:_ ${note[0]!.trimStart()}`;
      lines.push('', ...note);
    }
    lines.push('');
  }
  return lines.join('\n');
}

// ---- CSV ------------------------------------------------------------------------------------------

/**
 * One CSV field (RFC 4180: quoted, quotes doubled). A field a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a line break) gets a leading apostrophe.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r\n]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The digest as CSV: a header row, then one row a term with the page's title and URL on each. */
export function digestToCsv(digest: PageDigest, labels: DigestLabels): string {
  const c = labels.columns;
  const header = [c.term, c.abbreviations, c.definition, c.lang, c.note, c.count, c.glossary, c.pageTitle, c.pageUrl];
  const title = oneLine(digest.title);
  const rows = digest.terms.map((term) => [
    term.name,
    term.abbreviations.join(', '),
    term.definition ?? '',
    term.lang,
    term.note?.replace(/\r\n?/g, '\n') ?? '',
    String(term.count),
    term.glossary ?? labels.letterGlossary,
    title,
    digest.url,
  ]);
  return [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/** A file name made from the page's title (else its host), e.g. `benelux-glossary-reizen-naar-schengen.csv`. */
export function digestFileName(digest: Pick<PageDigest, 'title' | 'url'>, extension: 'md' | 'csv'): string {
  let host = '';
  try {
    host = new URL(digest.url).hostname;
  } catch {
    // not a URL: the title alone, or the bare prefix
  }
  const slug = (oneLine(digest.title) || host)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return `benelux-glossary${slug ? `-${slug}` : ''}.${extension}`;
}
