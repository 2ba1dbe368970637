/** The longest note we keep (apart so message validators can use it without bundling full zod). */
export const NOTE_MAX_CHARS = 10_000;
