import type { Note } from './notes';

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

export function notesToMarkdown(
  notes: readonly Note[],
  nameOf: (termId: string) => string,
  labels: { title: string; updated: string; seenOn: string },
): string {
  const lines = [`# ${labels.title}`, ''];
  for (const n of [...notes].sort((a, b) => nameOf(a.termId).localeCompare(nameOf(b.termId)))) {
    lines.push(`## ${nameOf(n.termId)}`, '', n.text, '');
    lines.push(`_${labels.updated}: ${new Date(n.updatedAt).toISOString().slice(0, 10)}_`);
    if (n.context) lines.push(`_${labels.seenOn}: [${n.context.title || n.context.url}](${n.context.url})_`);
    lines.push('');
  }
  return lines.join('\n');
}
