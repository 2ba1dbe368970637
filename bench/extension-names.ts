/** What the benchmarks look up by name in the extension's pages; each name is set where noted. */
export { HIGHLIGHT_NAME } from '../page/highlighter';
/** Measure of the content script's own work, from asking for the index to the last highlight (page/controller.ts). */
export const SCAN_MEASURE = 'benelux-glossary:scan';
/** Measure from the tooltip's show call until its frame has painted (page/tooltip-host.ts). */
export const TOOLTIP_VISIBLE_MEASURE = 'benelux-glossary:tooltip-visible';
/** Mark of the first moment the popup can answer a query (ui-data/search.ts). */
export const SEARCH_READY_MARK = 'benelux-glossary:search-ready';
/** Mark of the first moment the popup's search covers the reader's notes too (ui-data/search.ts). */
export const SEARCH_READY_NOTES_MARK = 'benelux-glossary:search-ready-notes';
