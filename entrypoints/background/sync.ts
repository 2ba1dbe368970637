import {
  budgetBeside,
  buildDoc,
  checksum,
  decodeSyncArea,
  emptySyncState,
  manifestKey,
  mergeRemote,
  observeLocal,
  planItems,
  planWrite,
  SYNC_KEY_PREFIX,
  SYNCED_SETTINGS,
  syncStateSchema,
  WriteRate,
  type LocalSnapshot,
  type MergeResult,
  type SyncItems,
  type SyncProblem,
  type SyncState,
} from '@/core/sync';
import { CONFLICT_MARKER, deleteMyTerm, myTerms, putMyTermEntry, type GlossaryDatabase } from '@/db';
import { t } from '@/i18n/t';
import {
  disabledSites,
  dwellMs,
  enabledEverywhere,
  everydayTermsOn,
  explainLang,
  highlightMode,
  syncEnabled,
  tooltipTrigger,
} from '@/settings';
import { syncDevice, syncStatus } from '@/settings/sync-status';
import { EMPTY_SYNC_STATUS } from '@/core/sync/status';

/**
 * Mirrors this device's notes, known terms, list of glossaries, own terms and settings into the browser's account
 * sync (`storage.sync`) and merges the other devices' into IndexedDB, which stays the source of truth
 * (core/sync/ does the work; this file reads and writes). One round: read the sync area, merge it in one
 * IndexedDB transaction, write this device's items if they changed — one `set` and one `remove`, spaced
 * within the browser's write rates. Rounds run at start-up, a few seconds after a local change, and when
 * another device's items arrive.
 */

const STATE_KEY = 'sync-state';
/** A checksum of the document this device last wrote, but for its time. */
const WRITTEN_KEY = 'sync-written';
const DEBOUNCE_MS = 2_000;

export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface SyncDeps {
  db: GlossaryDatabase;
  area: SyncArea;
  /** After notes changed here through a merge. */
  notesChanged: () => void;
  knownChanged: (known: string[]) => Promise<void>;
  /** After a glossary was renamed, moved or switched through a merge (recompile and publish). */
  glossariesChanged: () => Promise<void>;
}

const settingItems = {
  enabled: enabledEverywhere,
  disabledSites,
  highlightMode,
  everydayTermsOn,
  dwellMs,
  explainLang,
  tooltipTrigger,
} as const;

async function readSettings(): Promise<LocalSnapshot['settings']> {
  const values = await Promise.all(SYNCED_SETTINGS.map((name) => settingItems[name].getValue()));
  return Object.fromEntries(SYNCED_SETTINGS.map((name, i) => [name, values[i]])) as LocalSnapshot['settings'];
}

async function writeSettings(changes: MergeResult['settings']): Promise<void> {
  for (const name of SYNCED_SETTINGS) {
    const value = changes[name];
    // Values were checked with the setting's schema when decoded (core/sync/decode.ts).
    if (value !== undefined) await (settingItems[name].setValue as (v: unknown) => Promise<void>)(value);
  }
}

async function deviceId(): Promise<string> {
  const stored = await syncDevice.getValue();
  if (stored) return stored;
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const id = Array.from(bytes, (b) => (b % 36).toString(36)).join('') + Date.now().toString(36).slice(-4);
  await syncDevice.setValue(id);
  return id;
}

/** A damaged state starts over rather than stopping sync for good. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const isMine = (device: string) => (key: string) =>
  key === `${SYNC_KEY_PREFIX}${device}` || key.startsWith(`${SYNC_KEY_PREFIX}${device}.`);

function describe(problem: SyncProblem): string {
  return problem.device ? `${problem.device}: ${problem.reason}` : `${problem.key ?? '?'}: ${problem.reason}`;
}

async function snapshot(db: GlossaryDatabase, settings: LocalSnapshot['settings']): Promise<LocalSnapshot> {
  const [notes, known, glossaries, mine] = await Promise.all([
    db.notes.toArray(),
    db.known.toArray(),
    db.glossaries.toArray(),
    myTerms(db),
  ]);
  return {
    notes,
    known,
    glossaries: glossaries.map(({ id, title, order, enabled }) => ({ id, title, order, enabled })),
    settings,
    myTerms: mine,
  };
}

export function createSync(deps: SyncDeps) {
  const { db, area } = deps;
  const rate = new WriteRate();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let again = false;

  async function round(): Promise<void> {
    if (!(await syncEnabled.getValue())) return;
    const device = await deviceId();
    const items = await area.get(null);
    const decoded = await decodeSyncArea(items, device);
    let settings = await readSettings();
    const now = Date.now();
    // The reader's own terms are written with their word index, under their glossary's generation.
    const tables = [db.notes, db.known, db.glossaries, db.meta, db.generations, db.concepts, db.wordIndex];
    const { merged, local } = await db.transaction('rw', tables, async () => {
      const before = await snapshot(db, settings);
      const row = await db.meta.get(STATE_KEY);
      const stored = row ? syncStateSchema.safeParse(parseJson(row.value)) : null;
      let state: SyncState = stored?.success && stored.data.device === device ? stored.data : emptySyncState(device);
      state = observeLocal(state, before, now);
      const result = mergeRemote(state, before, decoded.docs, { now, marker: CONFLICT_MARKER });
      for (const { note, expectRevision } of result.notes.put) {
        // In this transaction nothing else writes; a mismatch would be a bug: undo the round.
        if (((await db.notes.get(note.termId))?.revision ?? null) !== expectRevision) throw new Error('note moved');
        await db.notes.put(note);
      }
      for (const { termId } of result.notes.remove) await db.notes.delete(termId);
      for (const k of result.known.put) await db.known.put(k);
      for (const id of result.known.remove) await db.known.delete(id);
      for (const g of result.glossaries)
        await db.glossaries.update(g.id, { title: g.title, order: g.order, enabled: g.enabled });
      for (const entry of result.myTerms.put) await putMyTermEntry(db, entry, { listTitle: t('myTermsTitle') });
      for (const id of result.myTerms.remove) await deleteMyTerm(db, id);
      await db.meta.put({ key: STATE_KEY, value: JSON.stringify(result.state) });
      settings = { ...settings, ...result.settings };
      return { merged: result, local: await snapshot(db, settings) };
    });
    await writeSettings(merged.settings);
    if (merged.notes.put.length > 0 || merged.notes.remove.length > 0) deps.notesChanged();
    if (merged.known.put.length > 0 || merged.known.remove.length > 0)
      await deps.knownChanged(local.known.map((k) => k.termId));
    if (merged.glossaries.length > 0 || merged.myTerms.put.length > 0 || merged.myTerms.remove.length > 0)
      await deps.glossariesChanged();

    const doc = buildDoc(merged.state, local, now);
    const mine: SyncItems = Object.fromEntries(Object.entries(items).filter(([key]) => isMine(device)(key)));
    // The document says when it was written: unchanged data is not written again (the write rates).
    // Other devices' usage is left out on purpose: counting it would answer each of their writes with one.
    const content = checksum(JSON.stringify({ ...doc, at: 0 }));
    const unchanged = (await db.meta.get(WRITTEN_KEY))?.value === content && manifestKey(device) in mine;
    const plan = unchanged ? null : await planItems(doc, budgetBeside(decoded.others));
    const { set, remove } = plan ? planWrite(mine, plan.items) : { set: {}, remove: [] };
    const writes = (Object.keys(set).length > 0 ? 1 : 0) + (remove.length > 0 ? 1 : 0);
    let error: string | undefined;
    const wait = rate.delay(Date.now(), writes);
    if (writes > 0 && wait > 0) {
      schedule(wait);
    } else if (writes > 0) {
      try {
        if (Object.keys(set).length > 0) await area.set(set);
        if (remove.length > 0) await area.remove(remove);
        await db.meta.put({ key: WRITTEN_KEY, value: content });
      } catch (e) {
        error = (e as Error).message;
      }
      for (let i = 0; i < writes; i++) rate.record(Date.now());
    }
    await syncStatus.setValue({
      at: now,
      localOnly: plan ? plan.localOnly : (await syncStatus.getValue()).localOnly,
      problems: decoded.problems.map(describe),
      conflicts: merged.report.conflicts,
      elsewhere: merged.report.elsewhere.map((g) => g.title),
      ...(error ? { error } : {}),
    });
  }

  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = round()
      .catch((e: unknown) => console.error('Sync failed', e))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          schedule();
        }
      });
    return running;
  }

  function schedule(ms = DEBOUNCE_MS): void {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), ms);
  }

  /**
   * Sync switched off: this device's items leave the account's storage; its data stays here, and so
   * does its sync state, so switching on again counts what changed meanwhile as this device's changes.
   */
  async function stop(): Promise<void> {
    clearTimeout(timer);
    const device = await syncDevice.getValue();
    if (device) {
      const keys = Object.keys(await area.get(null)).filter(isMine(device));
      if (keys.length > 0) await area.remove(keys);
    }
    await syncStatus.setValue(EMPTY_SYNC_STATUS);
  }

  /** Another device's items changed (ours echo back too: those are ignored). */
  async function onAreaChanged(keys: string[]): Promise<void> {
    const device = await syncDevice.getValue();
    if (keys.some((key) => !device || !isMine(device)(key))) schedule(200);
  }

  return { run, schedule, stop, onAreaChanged };
}
