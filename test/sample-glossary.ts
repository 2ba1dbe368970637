import type { Glossary, GlossaryEntry } from '@/core/glossary-schema';

/** A small, valid glossary for tests that are about mechanics, not content. */
export function sampleEntry(id: string, overrides: Partial<GlossaryEntry> = {}): GlossaryEntry {
  return {
    id,
    part: '1d',
    name: { nl: id.toUpperCase(), en: id.toUpperCase(), fr: id.toUpperCase(), de: id.toUpperCase() },
    abbreviations: [],
    aliases: [{ text: id.toUpperCase(), lang: 'mul', caseSensitive: true }],
    inflections: [],
    highlight: true,
    short: {
      nl: `Korte uitleg van ${id}.`,
      en: `Short definition of ${id}.`,
      fr: `Définition courte de ${id}.`,
      de: `Kurze Erklärung von ${id}.`,
    },
    long: {
      nl: `Lange uitleg van ${id}.`,
      en: `Long explanation of ${id}.`,
      fr: `Explication longue de ${id}.`,
      de: `Lange Erklärung von ${id}.`,
    },
    quotes: [{ text: 'ETIAS', part: '1d' }],
    related: [],
    source: { label: 'Kamerbrief' },
    ...overrides,
  };
}

export function sampleGlossary(version = '1.0.0', ids = ['etias', 'nsec']): Glossary {
  return {
    version,
    asOf: '2026-11-28',
    document: { title: 'Brief', author: 'Minister', recipient: 'Tweede Kamer', year: 2023 },
    entries: ids.map((id) => sampleEntry(id)),
  };
}
