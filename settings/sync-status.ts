import { storage } from '@wxt-dev/storage';
import { EMPTY_SYNC_STATUS, syncStatusSchema, type SyncStatus } from '@/core/sync/status';

/** The last sync round's report (core/sync/status.ts), written by the background, read by the glossary page. */
const item = storage.defineItem<unknown>('local:syncStatus', { fallback: EMPTY_SYNC_STATUS });

const parse = (value: unknown): SyncStatus => {
  const parsed = syncStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : EMPTY_SYNC_STATUS;
};

export const syncStatus = {
  getValue: async () => parse(await item.getValue()),
  setValue: (value: SyncStatus) => item.setValue(value),
  watch: (onChange: (value: SyncStatus) => void) => item.watch((value) => onChange(parse(value))),
};

/** This browser profile's sync device id, made once. */
export const syncDevice = storage.defineItem<string>('local:syncDevice', { fallback: '' });
