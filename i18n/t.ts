import en from '@/public/_locales/en/messages.json';

/** A key of public/_locales/en/messages.json: a missing translation is a type error. */
export type MessageKey = keyof typeof en;

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/**
 * All user-visible text goes through browser.i18n, so every string exists in en, nl, fr and de.
 * Chromium was seen (1 session in 12–24, after web pages had been visited) answering '' for every
 * key in extension pages; rather than show a blank popup, we fall back to the bundled English.
 */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  const message = browser.i18n.getMessage(key, substitutions);
  return message || english(key, substitutions);
}

function english(key: MessageKey, substitutions?: string | string[]): string {
  const entry = (en as Record<string, Message>)[key];
  if (!entry) return key;
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    const index = content?.match(/^\$(\d)$/)?.[1];
    return index ? (subs[Number(index) - 1] ?? '') : whole;
  });
}
