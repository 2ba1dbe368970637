/** Letters and digits only, lower-cased: hyphenation, spacing and punctuation do not matter. */
const lettersOnly = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The id of the first block whose text contains the quote, or null. */
export function locateQuote(blocks: readonly { id: string; text: string }[], quote: string): string | null {
  const needle = lettersOnly(quote);
  if (!needle) return null;
  return blocks.find((b) => lettersOnly(b.text).includes(needle))?.id ?? null;
}
