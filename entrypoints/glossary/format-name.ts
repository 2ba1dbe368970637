import type { GlossaryRow } from '@/db';
import { t } from '@/i18n/t';

/** A glossary's format as the reader knows it (format names are not translated). */
export function formatName(format: GlossaryRow['format']): string {
  switch (format) {
    case 'bundled':
      return t('glossariesBuiltIn');
    case 'tbx':
      return 'TBX';
    case 'tbx-martif':
      return 'TBX 2 (martif)';
    case 'csv':
      return 'CSV';
    case 'json':
      return 'JSON';
    case 'mine':
      return t('glossariesAddedByYou');
  }
}
