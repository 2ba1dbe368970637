import {
  importedEntrySchema,
  type ImportedEntry,
  type ImportedGlossaryInfo,
  type ImportedTerm,
} from '@/core/imported-schema';
import { formatPath } from '@/core/notes-export';
import { ImportError } from './import-error';

/**
 * Where every parser's entries go: one place that fits them to the schema, refuses a file with an entry without
 * terms or an id given twice, applies the reader's import options, validates, and hands out batches. The parsers
 * only read their format.
 */

/** What the reader chose to import (the options are applied while parsing, so a 100 MB file is never held). */
export interface ImportOptions {
  /** Keep only terms and definitions in these languages ("mul", shared by all languages, is always kept). */
  languages?: readonly string[];
  /** Drop terms whose reliability (1 not verified … 4 very reliable) is below this; terms without one are kept. */
  minReliability?: 1 | 2 | 3 | 4;
  /** Drop deprecated and obsolete terms. */
  skipDeprecated?: boolean;
}

/** An entry as a parser read it, before fitting: texts as found, several sources and notes. */
export interface EntryDraft {
  /** The id the file gives (encoded by the parser to fit entryIdSchema). */
  id: string | undefined;
  terms: ImportedTerm[];
  definitions: Array<{ lang: string; text: string }>;
  subjectFields: string[];
  sources: string[];
  notes: string[];
}

/** Where an entry is in its file, for messages: its number, and its line when the format has lines. */
export interface EntryPlace {
  /** One-based number of the entry in the file. */
  number: number;
  line?: number;
  /** How to name the place when there are no lines ("entries[3]"). */
  label?: string;
}

const LIMITS = { term: 300, definition: 10_000, subject: 300, source: 1000, note: 10_000 } as const;
const MAX_TERMS = 500;
const MAX_DEFINITIONS = 100;
const MAX_SUBJECTS = 50;
const MAX_WARNINGS = 100;
const DROPPED_STATUSES: ReadonlySet<string | undefined> = new Set(['deprecated', 'obsolete']);

/** A language code as the schema keeps it: lower case, region dropped ("en-GB" → "en"); undefined if none. */
export function langCode(tag: string | undefined): string | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

/** Whitespace as a reader sees it: runs of spaces, tabs and line breaks become one space. */
export function cleanText(text: string): string {
  // Most texts are clean already: testing is cheaper than rebuilding each (100 000 entries, a dozen texts each).
  return /\s\s|[^\S ]|^ | $/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

export interface CollectorSettings {
  options?: ImportOptions;
  /** Entries per batch handed out (the worker posts one message per batch). */
  batchSize?: number;
  /** Stop after this many entries (a preview). */
  limit?: number;
}

export class EntryCollector {
  /** Entries read from the file. */
  read = 0;
  /** Entries handed out. */
  count = 0;
  /** Entries the options left without a term. */
  dropped = 0;
  /** Whether the preview limit was reached: later entries are ignored. */
  full = false;
  readonly warnings: string[] = [];
  warningCount = 0;

  private readonly seen = new Map<string, EntryPlace>();
  private readonly languagesSeen = new Set<string>();
  private readonly keepLanguages: ReadonlySet<string> | undefined;
  private readonly batchSize: number;
  private readonly limit: number;
  private readonly options: ImportOptions;
  private batch: ImportedEntry[] = [];
  private readonly ready: ImportedEntry[][] = [];

  constructor(settings: CollectorSettings = {}) {
    this.options = settings.options ?? {};
    const languages = this.options.languages?.map(langCode).filter((l): l is string => !!l);
    this.keepLanguages = languages ? new Set([...languages, 'mul']) : undefined;
    this.batchSize = settings.batchSize ?? 500;
    this.limit = settings.limit ?? Infinity;
    if (this.limit <= 0) this.full = true;
  }

  /** Every language the entries read so far have terms or definitions in, sorted. */
  languages(): string[] {
    return [...this.languagesSeen].sort();
  }

  /** A fix the parser made that the reader may want to know of (a text shortened, a term left out). */
  warn(message: string): void {
    this.warningCount++;
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(message);
  }

  /** Takes one entry; throws ImportError when the entry makes the file unusable. */
  add(draft: EntryDraft, place: EntryPlace): void {
    if (this.full) return;
    this.read++;
    const name = entryName(draft.id, place);
    if (draft.id === undefined || draft.id === '') {
      throw new ImportError('entry-id', `${name} has no id.`, placeDetails(place));
    }
    if (!draft.terms.some((t) => cleanText(t.text))) {
      throw new ImportError('no-term', `${name} has no term.`, placeDetails(place, draft.id));
    }
    const first = this.seen.get(draft.id);
    if (first) {
      throw new ImportError(
        'duplicate-id',
        `entry ${draft.id} appears twice: ${placePair(first, place)}.`,
        placeDetails(place, draft.id),
      );
    }
    this.seen.set(draft.id, place);

    this.accept(this.fit(draft, name), name, place, false);
  }

  /**
   * Takes an entry of our own JSON format: validated as it is, never fitted, so that an exported file reads back
   * exactly. Problems are named by the entry's place and the field ("entries[3].terms[0].lang").
   */
  addValid(raw: unknown, place: EntryPlace): void {
    if (this.full) return;
    this.read++;
    const parsed = importedEntrySchema.safeParse(raw);
    const rawId = (raw as { id?: unknown } | null)?.id;
    const id = typeof rawId === 'string' && rawId ? rawId : undefined;
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.length > 0 ? `${place.label ?? ''}${issue.path.map(pathPart).join('')}` : place.label;
      throw new ImportError(
        'invalid-entry',
        `${field}${id ? ` (entry ${id})` : ''}: ${issue.message}.`,
        placeDetails(place, id),
      );
    }
    const entry = parsed.data;
    const first = this.seen.get(entry.id);
    if (first) {
      throw new ImportError(
        'duplicate-id',
        `entry ${entry.id} appears twice: ${placePair(first, place)}.`,
        placeDetails(place, entry.id),
      );
    }
    this.seen.set(entry.id, place);
    this.accept(entry, entryName(entry.id, place), place, true);
  }

  private accept(fitted: ImportedEntry, name: string, place: EntryPlace, valid: boolean): void {
    if (fitted.terms.length === 0) {
      this.dropped++;
      return;
    }
    for (const t of fitted.terms) this.languagesSeen.add(t.lang);
    for (const d of fitted.definitions) this.languagesSeen.add(d.lang);

    const entry = this.applyOptions(fitted);
    if (!entry) {
      this.dropped++;
      return;
    }
    let checked = entry;
    if (!valid) {
      const parsed = importedEntrySchema.safeParse(entry);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new ImportError(
          'invalid-entry',
          `${name}: ${formatPath(issue.path, '(entry)')}: ${issue.message}.`,
          placeDetails(place, entry.id),
        );
      }
      checked = parsed.data;
    }
    this.batch.push(checked);
    this.count++;
    if (this.batch.length >= this.batchSize) this.flush();
    if (this.count >= this.limit) this.full = true;
  }

  /** Batches complete so far, each handed out once. */
  drain(): ImportedEntry[][] {
    return this.ready.splice(0);
  }

  /** Ends the last batch, however short. */
  flush(): void {
    if (this.batch.length > 0) this.ready.push(this.batch);
    this.batch = [];
  }

  /** The draft within the schema's limits; every change it makes is a warning. */
  private fit(draft: EntryDraft, name: string): ImportedEntry {
    const terms: ImportedTerm[] = [];
    const termKeys = new Set<string>();
    for (const term of draft.terms) {
      const text = cleanText(term.text);
      const key = `${term.lang}\u0000${text}`;
      if (!text || termKeys.has(key)) continue;
      if (text.length > LIMITS.term) {
        this.warn(`${name}: a term of ${text.length} characters was left out (terms hold at most ${LIMITS.term}).`);
        continue;
      }
      termKeys.add(key);
      terms.push({ ...term, text });
    }
    if (terms.length > MAX_TERMS) {
      this.warn(`${name}: only its first ${MAX_TERMS} of ${terms.length} terms were kept.`);
      terms.length = MAX_TERMS;
    }

    // A concept has one definition per language; several in the file are kept together.
    const byLang = new Map<string, string[]>();
    for (const d of draft.definitions) {
      const text = d.text.trim();
      if (!text) continue;
      const list = byLang.get(d.lang) ?? [];
      if (!list.includes(text)) list.push(text);
      byLang.set(d.lang, list);
    }
    const definitions = [...byLang]
      .slice(0, MAX_DEFINITIONS)
      .map(([lang, texts]) => ({ lang, text: this.clip(texts.join('\n\n'), LIMITS.definition, name, 'definition') }));

    const subjectFields = unique(draft.subjectFields.map(cleanText))
      .slice(0, MAX_SUBJECTS)
      .map((s) => this.clip(s, LIMITS.subject, name, 'subject field'));

    const entry: ImportedEntry = { id: draft.id!, terms, definitions, subjectFields };
    const source = unique(draft.sources.map(cleanText)).join('; ');
    if (source) entry.source = this.clip(source, LIMITS.source, name, 'source');
    const note = unique(draft.notes.map((n) => n.trim())).join('\n\n');
    if (note) entry.note = this.clip(note, LIMITS.note, name, 'note');
    return entry;
  }

  private clip(text: string, max: number, name: string, what: string): string {
    if (text.length <= max) return text;
    this.warn(`${name}: its ${what} was shortened from ${text.length} to ${max} characters.`);
    let cut = text.slice(0, max - 1).trimEnd();
    // Never leave half of a surrogate pair.
    if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
    return `${cut}…`;
  }

  private applyOptions(entry: ImportedEntry): ImportedEntry | undefined {
    const { minReliability, skipDeprecated } = this.options;
    const keep = this.keepLanguages;
    if (!keep && minReliability === undefined && !skipDeprecated) return entry;
    const terms = entry.terms.filter(
      (t) =>
        (!keep || keep.has(t.lang)) &&
        (minReliability === undefined || t.reliability === undefined || t.reliability >= minReliability) &&
        !(skipDeprecated && DROPPED_STATUSES.has(t.status)),
    );
    if (terms.length === 0) return undefined;
    const definitions = keep ? entry.definitions.filter((d) => keep.has(d.lang)) : entry.definitions;
    return { ...entry, terms, definitions };
  }
}

/** The result every parser reports beside its glossary's info. */
export interface CollectedCounts {
  count: number;
  read: number;
  dropped: number;
  languages: string[];
  warnings: string[];
  warningCount: number;
}

export function counts(collector: EntryCollector): CollectedCounts {
  return {
    count: collector.count,
    read: collector.read,
    dropped: collector.dropped,
    languages: collector.languages(),
    warnings: [...collector.warnings],
    warningCount: collector.warningCount,
  };
}

/** A format's parser: text in, chunk by chunk; entries out to its collector as each is read. */
export interface TextParser {
  write(text: string): void;
  /** The input ended: checks the document is complete and sends the last entry. */
  end(): void;
  /** The glossary's info (final once the first entry was read). */
  info(): ImportedGlossaryInfo;
}

/** What a parser tells index.ts as it reads. */
export interface ParserHooks {
  collector: EntryCollector;
}

/** "entry 12345 (line 40)", or "entry 3 (entries[2])" for an entry without an id. */
export function entryName(id: string | undefined, place: EntryPlace): string {
  const where = place.line !== undefined ? `line ${place.line}` : place.label;
  const what = id ? `entry ${id}` : `entry ${place.number}`;
  return where ? `${what} (${where})` : what;
}

function placePair(a: EntryPlace, b: EntryPlace): string {
  if (a.line !== undefined && b.line !== undefined) return `lines ${a.line} and ${b.line}`;
  const name = (p: EntryPlace) => (p.line !== undefined ? `line ${p.line}` : (p.label ?? `entry ${p.number}`));
  return `${name(a)} and ${name(b)}`;
}

function placeDetails(place: EntryPlace, id?: string) {
  return { ...(place.line !== undefined && { line: place.line }), entry: id || `entry ${place.number}` };
}

function pathPart(part: PropertyKey): string {
  return typeof part === 'number' ? `[${part}]` : `.${String(part)}`;
}

function unique(texts: readonly string[]): string[] {
  return [...new Set(texts.filter((t) => t))];
}
