import { LANGS } from '@/core/constants';
import { termIdSchema } from '@/core/ids';
import { noteContextSchema } from '@/core/notes';
import { z } from '@/core/zod';

/**
 * The content script (host) and the tooltip page (an extension page in an iframe) talk over a
 * MessageChannel. The first message, the handshake, is posted to the iframe's window with the secret
 * nonce the iframe got in its URL hash; it carries the port. After that every message goes over
 * the port, which the page can neither see nor forge. Both ends validate what they receive.
 */
export const HANDSHAKE_TYPE = 'benelux-glossary:connect';

export const handshakeMessage = z.object({
  type: z.literal(HANDSHAKE_TYPE),
  nonce: z.string().check(z.length(32)),
});

export const hostToTooltip = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('show'),
    termId: termIdSchema,
    /** Other entries that claim the same surface form (an ambiguous alias). */
    candidates: z.array(termIdSchema).check(z.maxLength(10)),
    lang: z.enum(LANGS),
    pinned: z.boolean(),
    /** Where the reader met the term, kept with a note started from this tooltip. */
    context: noteContextSchema,
    /** Open with the note editor, focused (the context menu's "Add a note on this term"). */
    note: z.optional(z.boolean()),
  }),
  z.object({ type: z.literal('pin') }),
  /** A note changed elsewhere (relayed: Firefox does not deliver runtime broadcasts to this frame). */
  z.object({ type: z.literal('notesChanged'), termId: z.optional(termIdSchema) }),
  z.object({ type: z.literal('hide') }),
]);
export type HostToTooltip = z.infer<typeof hostToTooltip>;

export const tooltipToHost = z.discriminatedUnion('type', [
  /** The card's content size, so the host can size and place the iframe. */
  z.object({
    type: z.literal('size'),
    width: z.number().check(z.minimum(0), z.maximum(4000)),
    height: z.number().check(z.minimum(0), z.maximum(4000)),
  }),
  /** The card has painted the term it was asked to show (used by the hover bench). */
  z.object({ type: z.literal('shown'), termId: termIdSchema }),
  z.object({ type: z.literal('pointer'), inside: z.boolean() }),
  z.object({ type: z.literal('pinned') }),
  z.object({ type: z.literal('close') }),
  z.object({ type: z.literal('known'), termId: termIdSchema }),
]);
export type TooltipToHost = z.infer<typeof tooltipToHost>;
