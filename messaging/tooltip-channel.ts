import { z } from 'zod/mini';
import { LANGS } from '@/core/constants';

/**
 * The content script and the tooltip page (an extension page in an iframe) talk over a
 * MessageChannel. The first message, `connect`, is posted to the iframe's window with the secret
 * nonce the iframe got in its URL hash; it carries the port. After that every message goes over
 * the port, which the page can neither see nor forge. Both ends validate what they receive.
 */
export const hostToTooltip = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('show'),
    termId: z.string().check(z.minLength(1), z.maxLength(100)),
    /** Other entries that claim the same surface form (an ambiguous alias). */
    candidates: z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(10)),
    lang: z.enum(LANGS),
    pinned: z.boolean(),
    /** Where the reader met the term, kept with a note started from this tooltip. */
    context: z.object({
      title: z.string().check(z.maxLength(500)),
      url: z.string().check(z.maxLength(2000)),
      sentence: z.string().check(z.maxLength(1000)),
    }),
  }),
  z.object({ type: z.literal('pin') }),
  /** A note changed elsewhere (forwarded: Firefox does not deliver runtime broadcasts to this frame). */
  z.object({ type: z.literal('notesChanged'), termId: z.optional(z.string().check(z.maxLength(100))) }),
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
  z.object({ type: z.literal('shown'), termId: z.string().check(z.maxLength(100)) }),
  z.object({ type: z.literal('pointer'), inside: z.boolean() }),
  z.object({ type: z.literal('pinned') }),
  z.object({ type: z.literal('close') }),
  z.object({ type: z.literal('known'), termId: z.string().check(z.minLength(1), z.maxLength(100)) }),
]);
export type TooltipToHost = z.infer<typeof tooltipToHost>;

export const connectMessage = z.object({
  type: z.literal('benelux-glossary:connect'),
  nonce: z.string().check(z.length(32)),
});
