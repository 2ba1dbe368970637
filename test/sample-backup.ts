import { BACKUP_FORMAT, type Backup } from '@/core/backup';

/** A small backup without glossary files: two notes (one on an imported entry), a known term, settings, two glossaries. */
export function sampleBackup(): Omit<Backup, 'glossaryFiles'> {
  return {
    format: BACKUP_FORMAT,
    version: 1,
    createdAt: '2026-12-01T10:00:00.000Z',
    extensionVersion: '0.1.0',
    notes: {
      format: 'benelux-glossary-notes',
      version: 2,
      exportedAt: '2026-12-01T10:00:00.000Z',
      notes: [
        { termId: 'etias', text: 'Reisautorisatie, vanaf 2026.', createdAt: 1, updatedAt: 2, revision: 2 },
        { termId: 'iate-energy:7', text: 'On an imported entry', createdAt: 1, updatedAt: 1, revision: 1 },
      ],
    },
    known: [{ termId: 'nsec', markedAt: 5 }],
    settings: { highlightMode: 'first', dwellMs: 500, disabledSites: ['example.org'], explainLang: 'fr' },
    glossaries: [
      {
        id: 'iate-energy',
        title: 'My energy terms',
        format: 'tbx',
        fileName: 'energy.tbx',
        importedAt: 3,
        languages: ['en'],
        entryCount: 3,
        bytes: 300,
        enabled: false,
        order: 0,
        rules: { skipCommon: false, abbreviationsCaseExact: true, minLength: 3, statuses: ['preferred'] },
      },
      {
        id: 'letter',
        title: 'Kamerbrief',
        format: 'bundled',
        importedAt: 1,
        languages: ['nl', 'en', 'fr', 'de'],
        entryCount: 2,
        bytes: 100,
        enabled: true,
        order: 1,
      },
    ],
  };
}
