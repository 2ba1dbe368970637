import { SYNCED_SETTINGS } from '@/core/sync';
import type { GlossaryDatabase } from '@/db';
import { syncEnabled } from '@/settings';
import { createSync, type SyncDeps } from './sync';

/**
 * Starts sync's listeners (synchronously, so a change wakes a stopped service worker): another device's
 * items arriving, a synced setting changed here, sync switched on or off; and a first round at start-up.
 */
export function startSync(db: GlossaryDatabase, deps: Omit<SyncDeps, 'db' | 'area'>) {
  const sync = createSync({ db, area: browser.storage.sync, ...deps });
  const synced = new Set<string>(SYNCED_SETTINGS);
  browser.storage.onChanged.addListener((changes, areaName) => {
    const keys = Object.keys(changes);
    if (areaName === 'sync') void sync.onAreaChanged(keys);
    else if (areaName === 'local' && keys.some((key) => synced.has(key))) sync.schedule();
  });
  syncEnabled.watch((on) => {
    if (on) void sync.run();
    else sync.stop().catch((e: unknown) => console.error('Removing the sync items failed', e));
  });
  void sync.run();
  return sync;
}
