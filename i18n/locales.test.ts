import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}

const LOCALES_DIR = path.resolve(import.meta.dirname, '../public/_locales');
const locales = readdirSync(LOCALES_DIR).sort();
const read = (locale: string) =>
  JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Record<string, Message>;
const english = read('en');

/** The placeholders a message uses in its text ($NAME$) and declares, as one comparable string. */
const placeholdersOf = (m: Message) =>
  JSON.stringify({
    used: [...m.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((x) => x[1]!.toLowerCase()).sort(),
    declared: Object.entries(m.placeholders ?? {})
      .map(([name, p]) => `${name.toLowerCase()}=${p.content}`)
      .sort(),
  });

/** Chrome's limits on the manifest fields our messages fill (name, description): longer is rejected by the store. */
const MANIFEST_LIMITS = { extName: 75, extDescription: 132 } as const;

describe('the interface in every language', () => {
  it('ships English, Dutch and more', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'nl']));
  });

  it.each(locales)('%s has every key English has, and no other, each with a message', (locale) => {
    const messages = read(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const [key, m] of Object.entries(messages)) expect(m.message.trim(), `${locale}: ${key}`).not.toBe('');
  });

  it.each(locales)("%s keeps the manifest's name and description within Chrome's limits", (locale) => {
    const messages = read(locale);
    for (const [key, limit] of Object.entries(MANIFEST_LIMITS)) {
      const length = [...(messages[key]?.message ?? '')].length;
      expect(length, `${locale}: ${key}`).toBeLessThanOrEqual(limit);
    }
  });

  it.each(locales)('%s uses and declares the same placeholders as English', (locale) => {
    const messages = read(locale);
    for (const [key, m] of Object.entries(english)) {
      const translated = messages[key];
      if (translated) expect(placeholdersOf(translated), `${locale}: ${key}`).toBe(placeholdersOf(m));
    }
  });
});
