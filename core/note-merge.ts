/**
 * Merges a write based on an old revision with the newer text, losing nothing: when only one side
 * changed, that side wins; when both appended to the text they started from, both additions are
 * kept in order; otherwise both versions are kept, the newer first, with a visible marker.
 */
export function mergeNoteText(base: string, current: string, incoming: string, marker: string): string {
  if (incoming === current || incoming === base) return current;
  if (current === base) return incoming;
  // One side already holds all of the other (a write that was saved once already, a stale draft).
  if (current.includes(incoming)) return current;
  if (incoming.includes(current)) return incoming;
  if (current.startsWith(base) && incoming.startsWith(base)) {
    return base + current.slice(base.length) + incoming.slice(base.length);
  }
  return `${current}\n\n${marker}\n${incoming}`;
}
