import type { Note } from './notes';

/** The notes as a readable Markdown file: one section a term, with when and where it was written. */
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
