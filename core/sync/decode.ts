import { settingSchemas } from '@/core/settings';
import { z } from '@/core/zod';
import { itemBytes, joinChunks, unpack, type SyncItems } from './codec';
import {
  manifestSchema,
  SYNC_FORMAT_VERSION,
  SYNC_KEY_PREFIX,
  SYNCED_SETTINGS,
  syncDocShellSchema,
  syncGlossarySchema,
  syncKnownSchema,
  syncMyTermSchema,
  syncNoteSchema,
  syncSettingSchema,
  tombstoneSchema,
  type SyncDoc,
  type SyncSetting,
  type SyncedSetting,
} from './format';

/** Something in the sync area that was not read, and why: shown to the reader, never thrown. */
export interface SyncProblem {
  /** The device it came from, when known. */
  device?: string;
  /** The item, when one item is at fault. */
  key?: string;
  reason: string;
}

export interface DecodedArea {
  /** The other devices' documents, every entity in them valid. */
  docs: SyncDoc[];
  problems: SyncProblem[];
  /** What the other devices' items take of the quotas (quota.ts budgets ours from what is left). */
  others: { bytes: number; items: number };
}

/** Whether an item is one of a device's (its manifest or a chunk). */
function deviceOfKey(key: string): string | null {
  if (!key.startsWith(SYNC_KEY_PREFIX)) return null;
  const rest = key.slice(SYNC_KEY_PREFIX.length);
  const dot = rest.indexOf('.');
  return dot < 0 ? rest : rest.slice(0, dot);
}

function issues(error: z.core.$ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`).join('; ');
}

/**
 * Reads every other device's document from the whole sync area (`storage.sync.get(null)`). Nothing
 * here throws: an item that is not ours, a manifest of a newer format, a document still arriving or
 * damaged, and each invalid entity inside a document are skipped, each with a reason.
 */
export async function decodeSyncArea(items: SyncItems, self: string): Promise<DecodedArea> {
  const problems: SyncProblem[] = [];
  const docs: SyncDoc[] = [];
  const others = { bytes: 0, items: 0 };
  const devices = new Set<string>();
  for (const [key, value] of Object.entries(items)) {
    const device = deviceOfKey(key);
    if (device === null) {
      problems.push({ key, reason: 'not an item of this extension’s sync format' });
      continue;
    }
    if (device === self) continue;
    others.bytes += itemBytes(key, value);
    others.items += 1;
    if (key === `${SYNC_KEY_PREFIX}${device}`) devices.add(device);
  }
  for (const device of [...devices].sort()) {
    const found = await decodeDevice(items, device, problems);
    if (found) docs.push(found);
  }
  return { docs, problems, others };
}

async function decodeDevice(items: SyncItems, device: string, problems: SyncProblem[]): Promise<SyncDoc | null> {
  const key = `${SYNC_KEY_PREFIX}${device}`;
  const raw = items[key];
  const version = z.object({ v: z.int() }).safeParse(raw);
  if (version.success && version.data.v > SYNC_FORMAT_VERSION) {
    problems.push({
      device,
      key,
      reason: `written in sync format ${version.data.v} by a newer version of the extension; this one reads format ${SYNC_FORMAT_VERSION} — update it here to see that device’s notes`,
    });
    return null;
  }
  const manifest = manifestSchema.safeParse(raw);
  if (!manifest.success || manifest.data.device !== device) {
    problems.push({
      device,
      key,
      reason: `not a valid manifest (${manifest.success ? 'another device’s id' : issues(manifest.error)})`,
    });
    return null;
  }
  const joined = joinChunks(items, manifest.data);
  if ('problem' in joined) {
    problems.push({ device, key, reason: joined.problem });
    return null;
  }
  let json: unknown;
  try {
    json = await unpack(joined.payload);
  } catch (error) {
    problems.push({ device, key, reason: `its data cannot be unpacked (${(error as Error).message})` });
    return null;
  }
  const shell = syncDocShellSchema.safeParse(json);
  if (!shell.success || shell.data.device !== device) {
    problems.push({
      device,
      key,
      reason: `not a valid document (${shell.success ? 'another device’s id' : issues(shell.error)})`,
    });
    return null;
  }
  const each = <T>(section: string, list: unknown[], schema: z.ZodMiniType<T>): T[] =>
    list.flatMap((value, index) => {
      const parsed = schema.safeParse(value);
      if (parsed.success) return [parsed.data];
      problems.push({ device, key, reason: `${section}[${index}] skipped: ${issues(parsed.error)}` });
      return [];
    });
  const settings: Partial<Record<SyncedSetting, SyncSetting>> = {};
  for (const name of SYNCED_SETTINGS) {
    if (!(name in shell.data.settings)) continue;
    const entry = syncSettingSchema.safeParse(shell.data.settings[name]);
    const value = entry.success ? settingSchemas[name].safeParse(entry.data.value) : null;
    if (entry.success && value?.success) settings[name] = { value: value.data, at: entry.data.at };
    else problems.push({ device, key, reason: `setting ${name} skipped: ${issues((value ?? entry).error!)}` });
  }
  return {
    v: SYNC_FORMAT_VERSION,
    device,
    at: shell.data.at,
    notes: each('notes', shell.data.notes, syncNoteSchema),
    tombstones: each('tombstones', shell.data.tombstones, tombstoneSchema),
    known: each('known', shell.data.known, syncKnownSchema),
    glossaries: each('glossaries', shell.data.glossaries, syncGlossarySchema),
    settings,
    myTerms: each('myTerms', shell.data.myTerms ?? [], syncMyTermSchema),
  };
}
