import { termIdSchema } from '@/core/ids';
import { z } from '@/core/zod';
import { defineReceiver } from './receiver';

/** What open extension pages hear from the background (tooltip frames in Chromium; any page). */
const schemas = {
  /** A note changed: show it without reload. No `termId`: any note may have changed (an import). */
  notesChanged: z.strictObject({ termId: z.optional(termIdSchema) }),
};

export interface ExtensionPagesResponses {
  notesChanged: { ok: true };
}

export const extensionPagesReceiver = defineReceiver<typeof schemas, ExtensionPagesResponses>(schemas);

/** Broadcasts to every open extension page; none may be open, which is fine. */
export const extensionPages = extensionPagesReceiver.client();
