import { termIdSchema } from '@/core/ids';
import { z } from '@/core/zod';
import { defineReceiver, type Target } from './receiver';

/** What a page's content script answers: the popup and the background ask. */
const schemas = {
  /** Popup → top frame: the terms on this page, whether we are on here, the page's title and URL. */
  getPageTerms: z.strictObject({}),
  /**
   * Popup → top frame: the abbreviations the page defines. Asked apart from getPageTerms: reading the
   * page's rendered text takes a layout, and "On this page" does not wait for it.
   */
  getPageDefinitions: z.strictObject({}),
  /** Popup → top frame: scroll to the term's next occurrence and flash it. */
  revealTerm: z.strictObject({ termId: termIdSchema }),
  /** Background (keyboard command) → the tab: explain the term at the selection. */
  explainSelection: z.strictObject({}),
  /**
   * Background (Firefox's `menus.onShown`) → the frame right-clicked in: the highlighted term at the
   * last right-click (highlights are not elements: the frame hit-tests the point), to name it in the menu.
   */
  termAtMenuPoint: z.strictObject({}),
  /** Background (the context menu's "Add a note on this term") → that frame: open the term's note editor. */
  noteAtMenuPoint: z.strictObject({}),
  /**
   * Background → every tab: a note changed; the content script tells its tooltip frame (Firefox does
   * not deliver runtime broadcasts to extension frames inside web pages).
   */
  relayNotesChanged: z.strictObject({ termId: z.optional(termIdSchema) }),
};

export interface PageTerms {
  /** The top frame's hostname: what "on/off for this site" applies to. */
  hostname: string;
  enabled: boolean;
  /** Occurrences per term id in the top frame's document. */
  counts: Record<string, number>;
  /** The page's title and address, for the digest of its terms (so the popup needs no `tabs` permission). */
  title: string;
  url: string;
  /** The document's type: `application/pdf` in Chromium's PDF viewer, where the popup offers ours. */
  contentType?: string;
}

/** Abbreviations a page defines ("Long Form (ABBR)"): the popup offers those no glossary knows. */
export interface PageDefinitions {
  /** The page's language (its `lang`) and address, for a term learned from it. */
  lang: string;
  url: string;
  definitions: { abbreviation: string; expansion: string; sentence: string }[];
}

export interface ContentResponses {
  getPageTerms: PageTerms;
  getPageDefinitions: PageDefinitions;
  revealTerm: { revealed: boolean };
  explainSelection: { explained: string | null };
  /** The term's id and its words as the page writes them; null off a term. */
  termAtMenuPoint: { termId: string; text: string } | null;
  noteAtMenuPoint: { opened: string | null };
  relayNotesChanged: { ok: true };
}

export const contentReceiver = defineReceiver<typeof schemas, ContentResponses>(schemas);

/** Calls a tab's content script (the top frame when `frameId` is 0; every frame when unset). */
export const contentScript = (target: NonNullable<Target>) => contentReceiver.client(target);
