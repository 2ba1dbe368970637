import type { ImportedEntry } from '@/core/imported-schema';
import type { Note } from '@/core/notes';
import { DEFAULT_SETTINGS } from '@/core/settings';
import {
  budgetBeside,
  buildDoc,
  decodeSyncArea,
  emptySyncState,
  mergeRemote,
  observeLocal,
  planItems,
  planWrite,
  SYNC_KEY_PREFIX,
  SYNCED_SETTINGS,
  type LocalSnapshot,
  type MergeResult,
  type Plan,
  type SyncItems,
  type SyncProblem,
  type SyncState,
} from '@/core/sync';

export const MARKER = '——— edited elsewhere at the same time ———';
export const DAY = 24 * 3600_000;

/**
 * A browser profile for the sync tests: its notes as IndexedDB would hold them (a save bumps the
 * revision, as db/notes-repo does), its sync state, and its own sync area — the browser's account sync
 * is played by copying one device's area into another's.
 */
export class Device {
  notes = new Map<string, Note>();
  known = new Map<string, number>();
  /** The reader's own terms, by id. */
  myTerms = new Map<string, ImportedEntry>();
  glossaries: LocalSnapshot['glossaries'][number][] = [{ id: 'letter', title: 'The letter', order: 0, enabled: true }];
  settings: LocalSnapshot['settings'] = Object.fromEntries(
    SYNCED_SETTINGS.map((name) => [name, DEFAULT_SETTINGS[name]]),
  ) as LocalSnapshot['settings'];
  state: SyncState;
  area: SyncItems = {};
  lastMerge: MergeResult | null = null;

  constructor(readonly id: string) {
    this.state = emptySyncState(id);
  }

  write(termId: string, text: string, now: number): void {
    const current = this.notes.get(termId);
    this.notes.set(termId, {
      termId,
      text,
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
      revision: (current?.revision ?? 0) + 1,
    });
  }

  remove(termId: string): void {
    this.notes.delete(termId);
  }

  text(termId: string): string | undefined {
    return this.notes.get(termId)?.text;
  }

  snapshot(): LocalSnapshot {
    return {
      notes: [...this.notes.values()],
      known: [...this.known].map(([termId, markedAt]) => ({ termId, markedAt })),
      glossaries: this.glossaries,
      settings: this.settings,
      myTerms: [...this.myTerms.values()],
    };
  }

  /** Mirrors this device's data into its sync area, as the background would. */
  async push(now: number): Promise<Plan> {
    this.state = observeLocal(this.state, this.snapshot(), now);
    const decoded = await decodeSyncArea(this.area, this.id);
    const plan = await planItems(buildDoc(this.state, this.snapshot(), now), budgetBeside(decoded.others));
    const mine = Object.fromEntries(
      Object.entries(this.area).filter(
        ([key]) => key === `${SYNC_KEY_PREFIX}${this.id}` || key.startsWith(`${SYNC_KEY_PREFIX}${this.id}.`),
      ),
    );
    const { set, remove } = planWrite(mine, plan.items);
    Object.assign(this.area, set);
    for (const key of remove) delete this.area[key];
    return plan;
  }

  /** Applies the other devices' items in its sync area. */
  async pull(now: number): Promise<MergeResult & { problems: SyncProblem[] }> {
    const decoded = await decodeSyncArea(this.area, this.id);
    this.state = observeLocal(this.state, this.snapshot(), now);
    const merged = mergeRemote(this.state, this.snapshot(), decoded.docs, { now, marker: MARKER });
    for (const { note, expectRevision } of merged.notes.put) {
      if ((this.notes.get(note.termId)?.revision ?? null) !== expectRevision) throw new Error('revision moved');
      this.notes.set(note.termId, note);
    }
    for (const { termId } of merged.notes.remove) this.notes.delete(termId);
    for (const k of merged.known.put) this.known.set(k.termId, k.markedAt);
    for (const id of merged.known.remove) this.known.delete(id);
    this.settings = { ...this.settings, ...merged.settings };
    for (const entry of merged.myTerms.put) this.myTerms.set(entry.id, entry);
    for (const id of merged.myTerms.remove) this.myTerms.delete(id);
    this.glossaries = this.glossaries.map((g) => merged.glossaries.find((u) => u.id === g.id) ?? g);
    this.state = merged.state;
    this.lastMerge = merged;
    return Object.assign(merged, { problems: decoded.problems });
  }

  /** The browser's sync carrying this device's items to another. */
  copyTo(other: Device): void {
    const prefix = `${SYNC_KEY_PREFIX}${this.id}`;
    for (const key of Object.keys(other.area))
      if (key === prefix || key.startsWith(`${prefix}.`)) delete other.area[key];
    for (const [key, value] of Object.entries(this.area)) {
      if (key === prefix || key.startsWith(`${prefix}.`)) other.area[key] = structuredClone(value);
    }
  }
}

/** Pushes `from`, carries its items to `to`, and pulls there. */
export async function carry(from: Device, to: Device, now: number) {
  await from.push(now);
  from.copyTo(to);
  return to.pull(now);
}
