import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}

const LOCALES_DIR = path.resolve(import.meta.dirname, '../public/_locales');
const shipped = readdirSync(LOCALES_DIR).sort();
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

/** The interface languages, exactly: a missing folder fails, and so does one nobody added here. */
const LOCALES = ['de', 'en', 'fr', 'nl'];

/**
 * Messages that may read exactly as in English, per locale, each for a reason; any other
 * identical message is an untranslated copy.
 */
const SAME_AS_ENGLISH: Record<string, Record<string, string>> = {
  de: { extName: 'product name', appTitle: 'product name', myTermDefinition: '"Definition (optional)" is German too' },
  fr: {
    extName: 'product name',
    appTitle: 'product name',
    part_opening: '"Introduction" is French too',
    entrySource: '"Source" is French too',
    popupHasNote: '"note" is French too',
  },
  nl: {
    extName: 'product name',
    appTitle: 'product name',
    glossaryFilters: '"Filters" is Dutch too',
    myTermName: '"Term" is Dutch too',
  },
};

/** Chrome's limits on the manifest fields our messages fill (name, description): longer is rejected by the store. */
const MANIFEST_LIMITS = { extName: 75, extDescription: 132 } as const;

describe('the interface in every language', () => {
  it('ships exactly English, Dutch, French and German', () => {
    expect(shipped).toEqual(LOCALES);
  });

  it.each(LOCALES)('%s has every key English has, and no other, each with a message', (locale) => {
    const messages = read(locale);
    expect(Object.keys(messages).sort(), `${locale}: keys`).toEqual(Object.keys(english).sort());
    for (const [key, m] of Object.entries(messages)) expect(m.message.trim(), `${locale}: ${key}`).not.toBe('');
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s translates every message English has', (locale) => {
    const messages = read(locale);
    const allowed = SAME_AS_ENGLISH[locale] ?? {};
    for (const key of Object.keys(allowed)) expect(english, `${locale}: allow-listed ${key}`).toHaveProperty(key);
    const copied = Object.keys(english).filter(
      (key) => !(key in allowed) && messages[key]?.message.trim() === english[key]!.message.trim(),
    );
    expect(copied, `${locale}: messages identical to English`).toEqual([]);
  });

  it.each(LOCALES)("%s keeps the manifest's name and description within Chrome's limits", (locale) => {
    const messages = read(locale);
    for (const [key, limit] of Object.entries(MANIFEST_LIMITS)) {
      const length = [...(messages[key]?.message ?? '')].length;
      expect(length, `${locale}: ${key}`).toBeLessThanOrEqual(limit);
    }
  });

  it.each(LOCALES)('%s uses and declares the same placeholders as English', (locale) => {
    const messages = read(locale);
    for (const [key, m] of Object.entries(english)) {
      const translated = messages[key];
      if (translated) expect(placeholdersOf(translated), `${locale}: ${key}`).toBe(placeholdersOf(m));
    }
  });
});
