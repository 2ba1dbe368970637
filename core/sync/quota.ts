import { encodeDoc, itemBytes, QUOTA_BYTES_PER_ITEM, type SyncItems } from './codec';
import type { SyncDoc } from './format';

/**
 * storage.sync's quotas. Chrome's (chrome.storage.sync): 102 400 bytes in all, 8 192 an item, 512
 * items, 120 writes a minute and 1 800 an hour; Firefox documents the same three size limits and
 * counts them the same way (a key's length plus its value's JSON). A `set` of many items is one write.
 */
export const SYNC_QUOTA = {
  bytes: 102_400,
  bytesPerItem: QUOTA_BYTES_PER_ITEM,
  items: 512,
  writesPerMinute: 120,
  writesPerHour: 1_800,
} as const;

/** Left free for a write in flight on another device (its document may grow before ours is read). */
export const QUOTA_HEADROOM_BYTES = 2_048;

export interface Budget {
  bytes: number;
  items: number;
}

/** What this device may use: the quotas less the other devices' items as they are now. */
export function budgetBeside(others: { bytes: number; items: number }): Budget {
  return {
    bytes: Math.max(0, SYNC_QUOTA.bytes - QUOTA_HEADROOM_BYTES - others.bytes),
    items: Math.max(0, SYNC_QUOTA.items - others.items),
  };
}

export function itemsSize(items: SyncItems): Budget {
  let bytes = 0;
  for (const [key, value] of Object.entries(items)) bytes += itemBytes(key, value);
  return { bytes, items: Object.keys(items).length };
}

export interface Plan {
  /** This device's items to hold in the sync area (none when not even the settings fit). */
  items: SyncItems;
  /** Notes that stay on this device only, by term: the oldest ones, those the budget could not hold. */
  localOnly: string[];
  /** Whether the settings, known terms, glossaries and deletions fit at all. */
  fits: boolean;
  size: Budget;
}

const within = (size: Budget, budget: Budget) => size.bytes <= budget.bytes && size.items <= budget.items;

/**
 * The most of the document that fits the budget: everything but notes always, then the newest notes
 * (the document lists them newest first) — as many as fit once compressed, found by halving.
 */
export async function planItems(doc: SyncDoc, budget: Budget): Promise<Plan> {
  const withNotes = (count: number) => encodeDoc({ ...doc, notes: doc.notes.slice(0, count) });
  const all = await withNotes(doc.notes.length);
  if (within(itemsSize(all), budget)) return { items: all, localOnly: [], fits: true, size: itemsSize(all) };
  let low = 0;
  let best = await withNotes(0);
  if (!within(itemsSize(best), budget)) {
    return { items: {}, localOnly: doc.notes.map((n) => n.note.termId), fits: false, size: { bytes: 0, items: 0 } };
  }
  let high = doc.notes.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const items = await withNotes(mid);
    if (within(itemsSize(items), budget)) {
      low = mid;
      best = items;
    } else {
      high = mid - 1;
    }
  }
  return {
    items: best,
    localOnly: doc.notes.slice(low).map((n) => n.note.termId),
    fits: true,
    size: itemsSize(best),
  };
}

/** What to write for this device's new items: one `set` and one `remove` at most. */
export function planWrite(previous: SyncItems, next: SyncItems): { set: SyncItems; remove: string[] } {
  const set: SyncItems = {};
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(previous[key]) !== JSON.stringify(value)) set[key] = value;
  }
  const remove = Object.keys(previous).filter((key) => !(key in next));
  return { set, remove };
}

/**
 * Keeps writes within the per-minute and per-hour rates: `delay` says how long to wait before the next
 * write, `record` counts one. Times are passed in, so it is plain to test.
 */
export class WriteRate {
  private readonly times: number[] = [];

  constructor(
    private readonly perMinute: number = SYNC_QUOTA.writesPerMinute / 2,
    private readonly perHour: number = SYNC_QUOTA.writesPerHour / 2,
  ) {}

  record(now: number): void {
    this.times.push(now);
    while (this.times.length > 0 && now - this.times[0]! >= 3600_000) this.times.shift();
  }

  /** Milliseconds until `writes` more writes stay within both rates. */
  delay(now: number, writes = 1): number {
    const wait = (window: number, limit: number) => {
      const recent = this.times.filter((t) => now - t < window);
      const over = recent.length + writes - limit;
      return over <= 0 ? 0 : recent[over - 1]! + window - now;
    };
    return Math.max(0, wait(60_000, this.perMinute), wait(3600_000, this.perHour));
  }
}
