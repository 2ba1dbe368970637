import type { ImportedEntry } from '@/core/imported-schema';
import type { Note } from '@/core/notes';
import { DEFAULT_SETTINGS, type Settings } from '@/core/settings';
import { z } from '@/core/zod';
import { tick, type Clock } from './clock';
import {
  clockSchema,
  deviceIdSchema,
  SYNC_FORMAT_VERSION,
  SYNCED_SETTINGS,
  textStateSchema,
  tombstoneSchema,
  type SyncDoc,
  type SyncGlossary,
  type SyncMyTerm,
  type SyncNote,
  type SyncSetting,
  type SyncedSetting,
  type Tombstone,
} from './format';

/**
 * What this device keeps about sync beside its own data (IndexedDB stays the source of truth): each
 * note's per-device revisions and the state it last shared with the others, the deletions still
 * travelling, and when each setting and glossary was last changed here. Rebuilt from nothing, it
 * simply starts over: every note is then a new change of this device.
 */
export const TOMBSTONE_TTL_MS = 30 * 24 * 3600_000;

export const syncStateSchema = z.object({
  v: z.literal(SYNC_FORMAT_VERSION),
  device: deviceIdSchema,
  notes: z.record(
    z.string(),
    z.object({
      /** The local revision (db/notes-repo) last accounted for: another one is an edit made here. */
      revision: z.int(),
      clock: clockSchema,
      base: textStateSchema,
    }),
  ),
  tombstones: z.array(tombstoneSchema),
  /** Terms known at the last look, to notice one unmarked here. */
  known: z.array(z.string()),
  /** `setting:NAME`, `glossary:ID` or `myterm:ID` → a signature of its value (a deleted term's: '') and when it changed. */
  stamps: z.record(z.string(), z.object({ sig: z.string(), at: z.int() })),
});
export type SyncState = z.infer<typeof syncStateSchema>;
export type NoteMeta = SyncState['notes'][string];

/** This device's data as IndexedDB and storage.local hold it now. */
export interface LocalSnapshot {
  notes: readonly Note[];
  known: readonly { termId: string; markedAt: number }[];
  glossaries: readonly { id: string; title: string; order: number; enabled: boolean }[];
  settings: Pick<Settings, SyncedSetting>;
  /** The reader's own terms ("My terms"). */
  myTerms?: readonly ImportedEntry[];
}

/** `myterm:ID` stamps say when each of the reader's terms last changed here, or was deleted. */
export const MY_TERM_STAMP = 'myterm:';
export const DELETED_SIG = '';
export const myTermSig = (entry: ImportedEntry) => JSON.stringify(entry);

export function emptySyncState(device: string): SyncState {
  return { v: SYNC_FORMAT_VERSION, device, notes: {}, tombstones: [], known: [], stamps: {} };
}

const EMPTY: Clock = {};
const sig = (value: unknown) => JSON.stringify(value);
const glossarySig = (g: LocalSnapshot['glossaries'][number]) => sig([g.title, g.order, g.enabled]);

/**
 * Notices what changed here since the last look: an edited note is one more change of this device, a
 * note gone is a deletion (a tombstone with the revisions it had), a setting or glossary changed is
 * stamped now. A setting first seen at its default, or a glossary first seen, is stamped 0 so that what
 * the reader chose on another device wins over what this one never touched.
 */
export function observeLocal(state: SyncState, local: LocalSnapshot, now: number): SyncState {
  const self = state.device;
  const notes: SyncState['notes'] = {};
  let tombstones = state.tombstones.filter((t) => now - t.at < TOMBSTONE_TTL_MS);
  for (const note of local.notes) {
    const meta = state.notes[note.termId];
    if (!meta) {
      // New here, or written again after a delete: later than the delete, whoever made it.
      const buried = tombstones.find((t) => t.kind === 'note' && t.id === note.termId);
      tombstones = tombstones.filter((t) => t !== buried);
      notes[note.termId] = {
        revision: note.revision,
        clock: tick(buried?.clock ?? EMPTY, self),
        base: { text: '', clock: EMPTY },
      };
    } else if (meta.revision !== note.revision) {
      notes[note.termId] = { ...meta, revision: note.revision, clock: tick(meta.clock, self) };
    } else {
      notes[note.termId] = meta;
    }
  }
  for (const [termId, meta] of Object.entries(state.notes)) {
    if (notes[termId]) continue;
    tombstones = [
      ...tombstones.filter((t) => !(t.kind === 'note' && t.id === termId)),
      { kind: 'note', id: termId, at: now, clock: tick(meta.clock, self) },
    ];
  }
  const knownNow = new Set(local.known.map((k) => k.termId));
  for (const termId of state.known) {
    if (!knownNow.has(termId)) {
      tombstones = [
        ...tombstones.filter((t) => !(t.kind === 'known' && t.id === termId)),
        { kind: 'known', id: termId, at: now },
      ];
    }
  }
  tombstones = tombstones.filter((t) => !(t.kind === 'known' && knownNow.has(t.id)));
  const stamps: SyncState['stamps'] = { ...state.stamps };
  const stamp = (key: string, signature: string, untouched: boolean) => {
    const old = stamps[key];
    if (old?.sig === signature) return;
    stamps[key] = { sig: signature, at: !old && untouched ? 0 : now };
  };
  for (const name of SYNCED_SETTINGS) {
    const value = sig(local.settings[name]);
    stamp(`setting:${name}`, value, value === sig(DEFAULT_SETTINGS[name]));
  }
  for (const g of local.glossaries) stamp(`glossary:${g.id}`, glossarySig(g), true);
  // The reader's terms: added or edited here now; one no longer here was deleted here now. A deletion
  // is kept (and travels) for TOMBSTONE_TTL_MS.
  const mine = new Set<string>();
  for (const entry of local.myTerms ?? []) {
    mine.add(entry.id);
    stamp(`${MY_TERM_STAMP}${entry.id}`, myTermSig(entry), false);
  }
  for (const [key, value] of Object.entries(stamps)) {
    if (!key.startsWith(MY_TERM_STAMP) || mine.has(key.slice(MY_TERM_STAMP.length))) continue;
    if (value.sig !== DELETED_SIG) stamps[key] = { sig: DELETED_SIG, at: now };
    else if (now - value.at >= TOMBSTONE_TTL_MS) delete stamps[key];
  }
  return { ...state, notes, tombstones, known: [...knownNow].sort(), stamps };
}

/** The document this device publishes: everything it holds, its newest notes first. */
export function buildDoc(state: SyncState, local: LocalSnapshot, now: number): SyncDoc {
  const notes: SyncNote[] = [...local.notes]
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .flatMap((note) => {
      const meta = state.notes[note.termId];
      if (!meta) return [];
      const same = meta.base.text === note.text;
      return [same ? { note, clock: meta.clock } : { note, clock: meta.clock, base: meta.base }];
    });
  const glossaries: SyncGlossary[] = local.glossaries.map((g) => ({
    id: g.id,
    title: g.title,
    order: g.order,
    enabled: g.enabled,
    at: state.stamps[`glossary:${g.id}`]?.at ?? 0,
  }));
  const settings: Partial<Record<SyncedSetting, SyncSetting>> = {};
  for (const name of SYNCED_SETTINGS) {
    settings[name] = { value: local.settings[name], at: state.stamps[`setting:${name}`]?.at ?? 0 };
  }
  const tombstones: Tombstone[] = state.tombstones.filter((t) => now - t.at < TOMBSTONE_TTL_MS);
  const entries = new Map((local.myTerms ?? []).map((e) => [e.id, e]));
  const myTerms: SyncMyTerm[] = Object.entries(state.stamps).flatMap(([key, { sig, at }]) => {
    if (!key.startsWith(MY_TERM_STAMP)) return [];
    const id = key.slice(MY_TERM_STAMP.length);
    const entry = entries.get(id);
    if (sig === DELETED_SIG) return now - at < TOMBSTONE_TTL_MS ? [{ id, at }] : [];
    return entry ? [{ id, at, entry }] : [];
  });
  return {
    v: SYNC_FORMAT_VERSION,
    device: state.device,
    at: now,
    notes,
    tombstones,
    known: local.known.map((k) => ({ id: k.termId, at: k.markedAt })),
    glossaries,
    settings,
    myTerms,
  };
}
