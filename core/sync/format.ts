import { termIdSchema } from '@/core/ids';
import { glossaryIdSchema, importedEntrySchema, importedGlossaryInfoSchema } from '@/core/imported-schema';
import { noteSchema, noteTextSchema } from '@/core/notes';
import type { SettingName } from '@/core/settings';
import { z } from '@/core/zod';

/**
 * What one device puts in `browser.storage.sync`: a versioned document of its notes, known terms,
 * list of glossaries and settings, compressed and cut into items (codec.ts). Each device writes only
 * its own items (`gs.<device>` and `gs.<device>.<n>`), so two devices never overwrite each other, and
 * each reads the others'. Every entity is checked with its one schema (core/notes.ts, core/settings.ts,
 * core/imported-schema.ts) one by one: a bad note is skipped with a reason, the rest still count.
 *
 * Compatibility: a change that older readers can skip (a new section, such as the reader's own terms,
 * "My terms", `myTerms`) is added as a new optional field under the same version: the document schema
 * is not strict, so an older build drops what it doesn't know. A change that older readers would
 * misread bumps SYNC_FORMAT_VERSION; an older build then says it cannot read that device and reads the
 * others.
 */
export const SYNC_FORMAT_VERSION = 1;

/** Every key we write starts so; anything else in the sync area is not ours. */
export const SYNC_KEY_PREFIX = 'gs.';

/** A device's id: random, made once per browser profile. */
export const deviceIdSchema = z.string().check(z.regex(/^[a-z0-9]{4,16}$/, 'device ids are 4–16 letters or digits'));

export const clockSchema = z.record(deviceIdSchema, z.int().check(z.minimum(1)));

const time = () => z.int().check(z.minimum(0));

/** A state of a note's text with the revisions it includes. */
export const textStateSchema = z.object({ text: noteTextSchema, clock: clockSchema });

/** A note as synced: the note itself, its per-device revisions, and the state it was last merged from. */
export const syncNoteSchema = z.object({
  note: noteSchema,
  clock: clockSchema,
  /** The last state this device had in common with the others; absent when it is the note as it is. */
  base: z.optional(textStateSchema),
});

/**
 * A deletion, kept for TOMBSTONE_TTL_MS so devices that still hold the note delete it too. A note's
 * tombstone carries the revisions the deleted note had: an edit the delete did not see outlives it.
 */
export const tombstoneSchema = z.object({
  kind: z.enum(['note', 'known']),
  id: termIdSchema,
  at: time(),
  clock: z.optional(clockSchema),
});

/** "I know this term", marked at. */
export const syncKnownSchema = z.object({ id: termIdSchema, at: time() });

/** A glossary in the reader's list: only what the reader chose, never its entries. */
export const syncGlossarySchema = z.object({
  id: glossaryIdSchema,
  title: importedGlossaryInfoSchema.shape.title,
  order: z.int().check(z.minimum(0)),
  enabled: z.boolean(),
  /** When the reader last renamed, moved or switched it (0: never on this device). */
  at: time(),
});

/**
 * One of the reader's own terms ("My terms"), as this device last saw it change: the entry (checked with
 * the one entry schema, core/imported-schema.ts), or none — deleted, and the deletion travels for
 * TOMBSTONE_TTL_MS. The later change wins; edits on two devices at once keep the later one whole.
 */
export const syncMyTermSchema = z.object({
  id: importedEntrySchema.shape.id,
  at: time(),
  entry: z.optional(importedEntrySchema),
});

/** A setting's value (checked with its schema in core/settings.ts) and when it was set. */
export const syncSettingSchema = z.object({ value: z.unknown(), at: time() });

/** The settings that follow the reader; bench switches, recent look-ups and sync itself stay per device. */
export const SYNCED_SETTINGS = [
  'enabled',
  'disabledSites',
  'highlightMode',
  'everydayTermsOn',
  'dwellMs',
  'explainLang',
  'tooltipTrigger',
] as const satisfies readonly SettingName[];
export type SyncedSetting = (typeof SYNCED_SETTINGS)[number];

/** The document's shell; its entities are parsed one by one (decode.ts). */
export const syncDocShellSchema = z.object({
  v: z.literal(SYNC_FORMAT_VERSION),
  device: deviceIdSchema,
  at: time(),
  notes: z.array(z.unknown()),
  tombstones: z.array(z.unknown()),
  known: z.array(z.unknown()),
  glossaries: z.array(z.unknown()),
  settings: z.record(z.string(), z.unknown()),
  /** Added under format 1: a build before it skips the section (the shell is not strict). */
  myTerms: z.optional(z.array(z.unknown())),
});

/** The manifest item: which chunks make the document, and a checksum to tell a half-arrived one. */
export const manifestSchema = z.object({
  v: z.int().check(z.minimum(1)),
  device: deviceIdSchema,
  at: time(),
  chunks: z.int().check(z.minimum(0), z.maximum(512)),
  length: z.int().check(z.minimum(0)),
  sum: z.string().check(z.maxLength(16)),
});

export type SyncNote = z.infer<typeof syncNoteSchema>;
export type TextState = z.infer<typeof textStateSchema>;
export type Tombstone = z.infer<typeof tombstoneSchema>;
export type SyncKnown = z.infer<typeof syncKnownSchema>;
export type SyncGlossary = z.infer<typeof syncGlossarySchema>;
export type SyncSetting = z.infer<typeof syncSettingSchema>;
export type SyncMyTerm = z.infer<typeof syncMyTermSchema>;
export type Manifest = z.infer<typeof manifestSchema>;

/** A device's document, every entity valid. */
export interface SyncDoc {
  v: typeof SYNC_FORMAT_VERSION;
  device: string;
  at: number;
  notes: SyncNote[];
  tombstones: Tombstone[];
  known: SyncKnown[];
  glossaries: SyncGlossary[];
  settings: Partial<Record<SyncedSetting, SyncSetting>>;
  /** The reader's own terms and their deletions (absent: a device of a build before them). */
  myTerms?: SyncMyTerm[];
}
