import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { CsvColumnsForm } from '@/components/CsvColumnsForm';
import { t } from '@/i18n/t';
import { csvColumnsProblem, EU_LANGUAGES, guessCsvColumns, LANGUAGE_KINDS } from '@/ui-data/import-choices';
import type { CsvColumns } from '@/ui-data/import-protocol';
import { columnKinds, columnsLabels, columnsProblemText, fileLine, readerLang } from './import-labels';

interface Props {
  file: File;
  /** The header's cells the parser could not read. */
  header: readonly string[];
  onApply: (columns: CsvColumns) => void;
  /** "Choose another file", "Cancel". */
  children: ComponentChildren;
}

/** Import step for a CSV whose header the parser could not read: which column holds what. */
export function ColumnsStep({ file, header, onApply, children }: Props) {
  const [columns, setColumns] = useState<CsvColumns>(() => guessCsvColumns(header, readerLang));
  const problem = csvColumnsProblem(columns);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem) onApply(columns);
      }}
    >
      <p class="import-file">{fileLine(file, 'csv')}</p>
      <CsvColumnsForm
        header={header}
        kinds={columnKinds}
        languageKinds={LANGUAGE_KINDS}
        value={columns}
        onChange={setColumns}
        languageCodes={EU_LANGUAGES}
        labels={columnsLabels}
      />
      {problem && (
        <p role="alert" class="import-error">
          {columnsProblemText[problem]}
        </p>
      )}
      <div class="dialog-buttons">
        <button type="submit" class="primary" disabled={!!problem}>
          {t('importColumnsApply')}
        </button>
        {children}
      </div>
    </form>
  );
}
