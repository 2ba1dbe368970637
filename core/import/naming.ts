/**
 * Ids for imported glossaries and entries, made from what the file says: deterministic, so that importing the
 * same file again gives the same ids (and the reader's notes stay on their entries).
 */

const ENTRY_ID = /^[A-Za-z0-9._~-]{1,128}$/;
const MAX_GLOSSARY_ID = 64;

// Latin letters NFD does not take apart; folded the way a reader would type them.
const LIGATURES: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ħ: 'h',
  þ: 'th',
  ı: 'i',
};

/**
 * A short stable hash of a text (cyrb53, in base 36): the same text gives the same value in every run, every
 * browser and Node. Not for security; 53 bits keep accidental collisions out of any real glossary.
 */
export function stableHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Kebab-case ASCII of a text, diacritics folded ("Woordenlijst Benelux – Économie" → "woordenlijst-benelux-economie"). */
export function slugify(text: string, maxLength = MAX_GLOSSARY_ID): string {
  const folded = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłħþı]/g, (c) => LIGATURES[c] ?? c);
  const slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  // Cut at a word boundary when one is near, so the id stays readable.
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

/**
 * An entry id as the file gives it, made to fit entryIdSchema: kept as it is when it fits; otherwise the
 * characters ids may not hold become `_` and a hash of the original follows after `~`, so that two ids differing
 * only in such characters ("a/b", "a b") stay apart.
 */
export function encodeEntryId(raw: string): string {
  if (ENTRY_ID.test(raw)) return raw;
  const safe = raw.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 110);
  return `${safe}~${stableHash(raw)}`;
}

/** An entry id made from the entry's first term, for files without ids (a CSV without an id column). */
export function entryIdFromTerm(lang: string, text: string): string {
  const slug = slugify(text, 60);
  const hash = stableHash(`${lang}\u0000${text}`).slice(0, 8);
  return slug ? `${slug}-${hash}` : `t-${hash}`;
}

/** A file name without folders or extension ("C:\\exports\\IATE_export.tbx" → "IATE_export"). */
export function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name).trim();
}

/**
 * The glossary's id and title from the candidates a file offers, best first (a TBX title, its root id, the file
 * name): the first candidate with a usable slug names it. Titles in a script with no Latin letters still get an
 * id, from their hash.
 */
export function nameGlossary(candidates: ReadonlyArray<string | undefined>): { id: string; title: string } {
  const present = candidates.map((c) => c?.replace(/\s+/g, ' ').trim()).filter((c): c is string => !!c);
  const title = (present[0] ?? 'Imported glossary').slice(0, 200);
  for (const candidate of present) {
    const slug = slugify(candidate);
    if (slug) return { id: slug, title };
  }
  return { id: present[0] ? `glossary-${stableHash(present[0])}` : 'imported-glossary', title };
}
