import type { CsvColumnsLabels } from '@/components/CsvColumnsForm';
import type { ImportChoicesLabels } from '@/components/ImportChoices';
import type { GlossaryRow } from '@/db';
import { t } from '@/i18n/t';
import { uiLocale } from '@/ui-data/i18n';
import { formatBytes } from '@/ui-data/import-choices';
import { CSV_COLUMN_KINDS, type ImportFailure } from '@/ui-data/import-protocol';
import { formatName } from './format-name';

// The import dialog's words and formats, shared by its steps.

/** The reader's language, for the languages ticked at first and a CSV column's default. */
export const readerLang = uiLocale.split('-')[0]!.toLowerCase();

export const choicesLabels: ImportChoicesLabels = {
  languages: t('importLanguagesLegend'),
  languagesNote: t('importLanguagesNote'),
  reliability: t('importReliability'),
  reliabilityLevels: [
    t('importReliability1'),
    t('importReliability2'),
    t('importReliability3'),
    t('importReliability4'),
  ],
  skipDeprecated: t('importSkipDeprecated'),
};

export const columnsLabels: CsvColumnsLabels = {
  intro: t('importColumnsIntro'),
  column: t('importColumnHeader'),
  holds: t('importColumnHolds'),
  language: t('importColumnLanguage'),
  holdsLabel: (n, header) => t('importColumnHoldsLabel', [String(n), header]),
  languageLabel: (n, header) => t('importColumnLanguageLabel', [String(n), header]),
  ignore: t('importKind_ignore'),
};

export const columnKinds = CSV_COLUMN_KINDS.map((value) => ({ value, label: t(`importKind_${value}`) }));

export const columnsProblemText = {
  'no-term': t('importColumnsNoTerm'),
  'no-language': t('importColumnsNoLanguage'),
  'two-ids': t('importColumnsTwoIds'),
};

export const percentFormat = new Intl.NumberFormat(uiLocale, { style: 'percent' });
export const dateFormat = new Intl.DateTimeFormat(uiLocale, { dateStyle: 'medium' });

/** A failure in the reader's words where we have them; the parser's message names what and where. */
export function failureText(failure: ImportFailure): string {
  if (failure.code === 'no-entries') return t('importNoEntries');
  if (failure.code === 'changed') return t('importChanged');
  return failure.message;
}

/** What the file is: name, size and the format found. */
export function fileLine(file: File, format?: GlossaryRow['format']): string {
  return [file.name, formatBytes(file.size, uiLocale), ...(format ? [formatName(format)] : [])].join(' · ');
}
