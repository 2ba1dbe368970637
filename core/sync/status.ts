import { termIdSchema } from '@/core/ids';
import { z } from '@/core/zod';

/**
 * What the last sync round found, for the glossary page's Sync section: the notes the quota could not
 * hold (they stay on this device only), what could not be read from other devices, and the notes that
 * now hold two devices' texts. The background writes it to storage.local; pages read it validated.
 */
export const syncStatusSchema = z.object({
  at: z.int().check(z.minimum(0)),
  localOnly: z.array(termIdSchema),
  problems: z.array(z.string()),
  conflicts: z.array(termIdSchema),
  /** Glossaries in the reader's list on another device, not imported here: their titles. */
  elsewhere: z.array(z.string()),
  /** The last write failed (a quota or rate the browser enforced): its message. */
  error: z.optional(z.string()),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const EMPTY_SYNC_STATUS: SyncStatus = { at: 0, localOnly: [], problems: [], conflicts: [], elsewhere: [] };
