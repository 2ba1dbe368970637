import { EntryCollector } from './import/entries';
import { ImportError } from './import/import-error';
import { GLOSSARY_FILE_FORMAT, GLOSSARY_FILE_VERSION, glossaryFileSchema } from './import/json-format';
import { LETTER_GLOSSARY_ID, MY_TERMS_GLOSSARY_ID, parseTermKey, termIdSchema } from './ids';
import { glossaryIdSchema, langCodeSchema, type ImportedEntry } from './imported-schema';
import { glossaryRulesSchema } from './imported-terms';
import { EXPORT_FORMAT, formatPath, notesExportProblems, notesExportSchema } from './notes-export';
import { settingSchemas } from './settings';
import { z } from './zod';

/**
 * The backup file: everything the reader made, in one file, to move between browsers (Chrome and
 * Firefox share no sync). It is an envelope around our other formats: its `notes` is a notes export
 * (version 2, core/notes-export.ts) and each of its `glossaryFiles` a glossary file of our JSON format
 * (`benelux-glossary` version 1, core/import/json-format.ts) — so each part is read by the one schema
 * of its kind. Later versions add what later builds make (version 2: the reader's own terms, "My
 * terms"); this build reads version 1.
 */

export const BACKUP_FORMAT = 'benelux-glossary-backup';
export const BACKUP_VERSION = 1;

const time = () => z.int().check(z.minimum(0));

/**
 * The settings a backup carries: all but `benchTimings` (a switch for `npm run bench`, not the reader's),
 * `syncEnabled` (whether this browser joins the account's sync is asked in each browser) and
 * `openPdfsInViewer` (in Firefox it holds only with permissions the reader grants in that browser).
 */
const { benchTimings: _bench, syncEnabled: _sync, openPdfsInViewer: _pdfs, ...backedUpSettings } = settingSchemas;
export type BackupSettingName = keyof typeof backedUpSettings;
export const BACKUP_SETTING_NAMES = Object.keys(backedUpSettings) as BackupSettingName[];
/** Each value parsed by its own schema; a setting the file leaves out stays as it is here. */
export const backupSettingsSchema = z.partial(z.strictObject(backedUpSettings));

/** A term marked "I know this term" (db KnownRow). */
export const knownTermSchema = z.strictObject({ termId: termIdSchema, markedAt: time() });

/** A glossary in the reader's list (db GlossaryRow without its generation, which is this database's). */
export const backupGlossarySchema = z.strictObject({
  id: glossaryIdSchema,
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  format: z.enum(['bundled', 'tbx', 'tbx-martif', 'csv', 'json', 'mine']),
  fileName: z.optional(z.string().check(z.maxLength(300))),
  importedAt: time(),
  languages: z.array(langCodeSchema).check(z.maxLength(500)),
  entryCount: z.int().check(z.minimum(0)),
  bytes: z.number().check(z.minimum(0)),
  enabled: z.boolean(),
  order: z.int(),
  rules: z.optional(glossaryRulesSchema),
});

export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.iso.datetime(),
  /** The version of the extension that wrote it. */
  extensionVersion: z.string().check(z.maxLength(50)),
  notes: notesExportSchema,
  known: z.array(knownTermSchema).check(z.maxLength(100_000)),
  settings: backupSettingsSchema,
  /** The list, the letter's row included, in the reader's order. */
  glossaries: z.array(backupGlossarySchema).check(z.maxLength(1_000)),
  /** The imported glossaries' entries, when the reader chose to include them. */
  glossaryFiles: z.optional(z.array(glossaryFileSchema).check(z.maxLength(1_000))),
});

export type Backup = z.infer<typeof backupSchema>;
export type BackupGlossary = z.infer<typeof backupGlossarySchema>;
export type BackupSettings = z.infer<typeof backupSettingsSchema>;
export type KnownTerm = z.infer<typeof knownTermSchema>;

/** The file without its entries, checked whole before the entries are checked a chunk at a time. */
const envelopeSchema = z.extend(backupSchema, {
  glossaryFiles: z.optional(
    z.array(z.extend(glossaryFileSchema, { entries: z.array(z.unknown()) })).check(z.maxLength(1_000)),
  ),
});

export class BackupError extends Error {
  constructor(readonly problems: string[]) {
    super(`The backup was not restored; nothing changed.\n- ${problems.slice(0, 20).join('\n- ')}`);
    this.name = 'BackupError';
  }
}

export interface ParseBackupOptions {
  /** The letter's term ids in this build: notes and known terms on others are refused. */
  letterTermIds: ReadonlySet<string>;
  /** Entries checked so far, of all in the file (checking 100 000 takes seconds). */
  onProgress?: (checked: number, total: number) => void;
  /** Entries checked between two yields to the event loop. */
  chunk?: number;
}

/**
 * Reads a backup file and checks all of it — JSON, format and version, every note, setting, known
 * term, glossary and entry, no id twice — before anything is written. Throws BackupError naming
 * each problem and where it is (`notes.notes[3].text: …`); the entries are checked by the JSON
 * glossary format's own reader (core/import/entries.ts `addValid`), a chunk at a time.
 */
export async function parseBackup(text: string, options: ParseBackupOptions): Promise<Backup> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new BackupError([`the file is not valid JSON (is it cut short?): ${(e as Error).message}`]);
  }
  checkFormat(json);
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) {
    throw new BackupError(parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`));
  }
  const envelope = parsed.data;
  const problems = [
    ...notesExportProblems(envelope.notes, options.letterTermIds, 'notes.'),
    ...crossProblems(envelope, options.letterTermIds),
  ];
  if (problems.length > 0) throw new BackupError(problems);

  const files = envelope.glossaryFiles ?? [];
  const total = files.reduce((sum, f) => sum + f.entries.length, 0);
  const chunk = options.chunk ?? 2_000;
  let checked = 0;
  const checkedFiles: Backup['glossaryFiles'] = [];
  for (const [f, file] of files.entries()) {
    const collector = new EntryCollector({ batchSize: Infinity });
    try {
      for (const [i, raw] of file.entries.entries()) {
        collector.addValid(raw, { number: i + 1, label: `glossaryFiles[${f}].entries[${i}]` });
        if (++checked % chunk === 0) {
          options.onProgress?.(checked, total);
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      }
    } catch (e) {
      if (e instanceof ImportError) throw new BackupError([`glossary "${file.glossary.id}": ${e.message}`]);
      throw e;
    }
    collector.flush();
    checkedFiles.push({ ...file, entries: collector.drain().flat() });
  }
  options.onProgress?.(total, total);
  const { glossaryFiles: _files, ...rest } = envelope;
  return envelope.glossaryFiles ? { ...rest, glossaryFiles: checkedFiles } : rest;
}

/** A clear word for a file of another kind or version, before its fields are looked at. */
function checkFormat(json: unknown): void {
  const { format, version } = (json ?? {}) as { format?: unknown; version?: unknown };
  if (format === EXPORT_FORMAT) {
    throw new BackupError(['this is a notes export, not a backup: import it under "Notes" instead']);
  }
  if (format === GLOSSARY_FILE_FORMAT) {
    throw new BackupError(['this is a glossary file, not a backup: import it under "Glossaries" instead']);
  }
  if (format !== BACKUP_FORMAT) {
    throw new BackupError([
      `format: this is not a Benelux Glossary backup (its "format" is ${JSON.stringify(format) ?? 'missing'}, not "${BACKUP_FORMAT}")`,
    ]);
  }
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new BackupError([
      `version: this backup is version ${version}, made by a newer Benelux Glossary; this one reads version ${BACKUP_VERSION}. Update the extension.`,
    ]);
  }
  if (version !== BACKUP_VERSION) {
    throw new BackupError([
      `version: ${JSON.stringify(version) ?? 'missing'} is not a backup version this build reads (${BACKUP_VERSION})`,
    ]);
  }
}

/** What ties the parts together: no id twice, known letter terms, a glossary file for a listed import. */
function crossProblems(envelope: z.infer<typeof envelopeSchema>, letterTermIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const known = new Set<string>();
  envelope.known.forEach((k, i) => {
    if (known.has(k.termId)) problems.push(`known[${i}].termId: "${k.termId}" appears twice`);
    known.add(k.termId);
    const letter = parseTermKey(k.termId)?.glossaryId === LETTER_GLOSSARY_ID;
    if (letter && !letterTermIds.has(k.termId)) problems.push(`known[${i}].termId: no glossary term "${k.termId}"`);
  });
  const listed = new Map<string, number>();
  envelope.glossaries.forEach((g, i) => {
    if (listed.has(g.id)) problems.push(`glossaries[${i}].id: "${g.id}" appears twice`);
    else listed.set(g.id, i);
    if (
      (g.id === LETTER_GLOSSARY_ID) !== (g.format === 'bundled') ||
      (g.id === MY_TERMS_GLOSSARY_ID) !== (g.format === 'mine')
    ) {
      problems.push(`glossaries[${i}].format: "${g.format}" for the glossary "${g.id}"`);
    }
  });
  const withFile = new Set<string>();
  (envelope.glossaryFiles ?? []).forEach((file, f) => {
    const id = file.glossary.id;
    if (withFile.has(id)) problems.push(`glossaryFiles[${f}].glossary.id: "${id}" appears twice`);
    withFile.add(id);
    if (id === LETTER_GLOSSARY_ID)
      problems.push(`glossaryFiles[${f}].glossary.id: the letter's glossary is part of the extension`);
    else if (!listed.has(id)) problems.push(`glossaryFiles[${f}].glossary.id: "${id}" is not in "glossaries"`);
  });
  return problems;
}

/** What a backup holds, for the summary shown before restoring. */
export interface BackupSummary {
  notes: number;
  known: number;
  /** Imported glossaries with their entries in the file. */
  glossaries: number;
  entries: number;
  /** Imported glossaries listed without their entries: restored only where they are already here. */
  listedOnly: string[];
  settings: number;
}

export function summarizeBackup(backup: Backup): BackupSummary {
  const files = backup.glossaryFiles ?? [];
  const withFile = new Set(files.map((f) => f.glossary.id));
  return {
    notes: backup.notes.notes.length,
    known: backup.known.length,
    glossaries: files.length,
    entries: files.reduce((sum, f) => sum + f.entries.length, 0),
    listedOnly: backup.glossaries.filter((g) => g.id !== LETTER_GLOSSARY_ID && !withFile.has(g.id)).map((g) => g.id),
    settings: Object.keys(backup.settings).length,
  };
}

/** A glossary whose entries go in the file: its id and name, and its entries a chunk at a time. */
export interface BackupGlossarySource {
  id: string;
  title: string;
  entries: AsyncIterable<readonly ImportedEntry[]> | Iterable<readonly ImportedEntry[]>;
}

/**
 * The backup file's text in pieces, for a Blob: a 100 000-entry glossary is never one string. The
 * envelope is indented; each glossary file is our JSON glossary format with one entry a line.
 */
export async function* backupChunks(
  head: Omit<Backup, 'glossaryFiles'>,
  glossaries: readonly BackupGlossarySource[] | null,
): AsyncGenerator<string> {
  const envelope = JSON.stringify(head, null, 2);
  if (!glossaries) {
    yield `${envelope}\n`;
    return;
  }
  // The envelope without its closing brace, then the files as its last field.
  yield `${envelope.slice(0, envelope.lastIndexOf('}')).trimEnd()},\n  "glossaryFiles": [`;
  for (const [g, glossary] of glossaries.entries()) {
    const fileHead = {
      format: GLOSSARY_FILE_FORMAT,
      version: GLOSSARY_FILE_VERSION,
      glossary: { id: glossary.id, title: glossary.title },
    };
    const opening = JSON.stringify(fileHead).slice(0, -1);
    yield `${g ? ',' : ''}\n    ${opening},"entries":[`;
    let first = true;
    for await (const entries of glossary.entries) {
      if (entries.length === 0) continue;
      yield `${first ? '' : ','}\n${entries.map((e) => JSON.stringify(e)).join(',\n')}`;
      first = false;
    }
    yield '\n    ]}';
  }
  yield '\n  ]\n}\n';
}
