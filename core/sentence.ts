/**
 * The sentence a term sits in, for a note's "where I met it": from the last `.`, `!` or `?` followed by
 * white space before the term to the first one after it (or the text's ends), white space collapsed,
 * cut to `max` characters with an ellipsis. Only `text` is searched: a sentence that runs across
 * elements (a link, emphasis) is cut at the element's edge.
 */
export function sentenceAround(text: string, start: number, end: number, max = 300): string {
  const before = text.slice(0, start);
  const from = Math.max(before.search(/[.!?]\s+[^.!?]*$/) + 1, 0);
  const afterEnd = text.slice(end).search(/[.!?](\s|$)/);
  const to = afterEnd < 0 ? text.length : end + afterEnd + 1;
  const sentence = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return sentence.length <= max ? sentence : sentence.slice(0, max - 1) + '…';
}
