/** Folds an alias for collision checks and look-ups: case and white space do not make two aliases different. */
export function aliasKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
