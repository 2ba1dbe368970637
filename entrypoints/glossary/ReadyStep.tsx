import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { ImportChoices, type ImportChoicesValue } from '@/components/ImportChoices';
import { ImportPreview } from '@/components/ImportPreview';
import { t } from '@/i18n/t';
import type { GlossaryRow } from '@/ui-data/glossaries';
import { uiLocale } from '@/ui-data/i18n';
import { defaultLanguages, definitionIn, formatCount, languageName, languagesToKeep } from '@/ui-data/import-choices';
import type { ImportChoices as Choices, PreviewResult } from '@/ui-data/import-protocol';
import { choicesLabels, dateFormat, fileLine, readerLang } from './import-labels';

interface Props {
  file: File;
  preview: PreviewResult;
  /** The glossaries there are, to say when the file updates one. */
  existing: readonly GlossaryRow[];
  onStart: (choices: Choices) => void;
  /** "Choose another file", "Cancel". */
  children: ComponentChildren;
}

/**
 * Import step once the first entries are read: what the file is, what to keep (languages, minimum
 * reliability, deprecated terms), the first entries as they would be kept, and Import.
 */
export function ReadyStep({ file, preview, existing, onStart, children }: Props) {
  const [choices, setChoices] = useState<ImportChoicesValue>(() => ({
    languages: defaultLanguages(preview.languages, readerLang),
    minReliability: 1,
    skipDeprecated: true,
  }));
  const [noLanguage, setNoLanguage] = useState(false);
  const languages = useMemo(
    () => preview.languages.map((code) => ({ code, name: languageName(code, uiLocale) })),
    [preview],
  );
  const { info } = preview;
  const before = existing.find((g) => g.id === info.id);
  const shown = languages.filter((l) => choices.languages.includes(l.code));
  const hasReliability = preview.entries.some((e) => e.terms.some((term) => term.reliability !== undefined));

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (choices.languages.length === 0) return setNoLanguage(true);
        const keep = languagesToKeep(choices.languages, preview.languages);
        onStart({
          ...(keep ? { languages: keep } : {}),
          ...(choices.minReliability > 1 ? { minReliability: choices.minReliability } : {}),
          skipDeprecated: choices.skipDeprecated,
        });
      }}
    >
      <p class="import-file">{fileLine(file, info.format)}</p>
      <p>
        <strong>{t('importGlossaryTitle', info.title)}</strong>
      </p>
      {before && <p class="import-note">{t('importUpdates', dateFormat.format(before.importedAt))}</p>}
      <ImportChoices
        languages={languages}
        value={choices}
        onChange={(next) => {
          setNoLanguage(false);
          setChoices(next);
        }}
        showReliability={hasReliability}
        labels={choicesLabels}
      />
      {noLanguage && (
        <p role="alert" class="import-error">
          {t('importNoLanguage')}
        </p>
      )}
      <ImportPreview
        entries={preview.entries}
        languages={shown.length ? shown : languages}
        definitionOf={(entry) => definitionIn(entry, [readerLang, ...choices.languages])}
        labels={{
          caption: t('importPreviewCaption', formatCount(preview.count, uiLocale)),
          definition: t('importDefinition'),
        }}
      />
      <div class="dialog-buttons">
        <button type="submit" class="primary">
          {t('importStart')}
        </button>
        {children}
      </div>
    </form>
  );
}
