import { useEffect, useState } from 'preact/hooks';
import { EMPTY_SYNC_STATUS, type SyncStatus } from '@/core/sync/status';
import { syncStatus } from '@/settings/sync-status';

/** The last sync round's report (written by the background), live. */
export function useSyncStatus(): SyncStatus {
  const [status, setStatus] = useState<SyncStatus>(EMPTY_SYNC_STATUS);
  useEffect(() => {
    let live = true;
    void syncStatus.getValue().then((s) => live && setStatus(s));
    const unwatch = syncStatus.watch(setStatus);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return status;
}
