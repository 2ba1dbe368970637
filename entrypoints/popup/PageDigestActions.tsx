import { PageDigest, type PageDigestLabels } from '@/components/PageDigest';
import { digestFileName, digestToCsv, digestToMarkdown, type DigestLabels } from '@/core/page-digest';
import { t } from '@/i18n/t';
import type { Entries } from '@/ui-data/entries';
import type { ActivePage } from '@/ui-data/tabs';
import { usePageDigest } from './use-page-digest';

const labels: PageDigestLabels = {
  group: t('digestGroup'),
  copyMarkdown: t('digestCopyMarkdown'),
  saveMarkdown: t('digestSaveMarkdown'),
  saveCsv: t('digestSaveCsv'),
  copied: t('digestCopied'),
  copyFailed: t('digestCopyFailed'),
};

const digestLabels: DigestLabels = {
  untitled: t('digestUntitled'),
  letterGlossary: t('glossaryLetterTitle'),
  note: t('digestNote'),
  columns: {
    term: t('digestColumnTerm'),
    abbreviations: t('digestColumnAbbreviations'),
    definition: t('digestColumnDefinition'),
    lang: t('digestColumnLanguage'),
    note: t('digestColumnNote'),
    count: t('digestColumnCount'),
    glossary: t('digestColumnGlossary'),
    pageTitle: t('digestColumnPageTitle'),
    pageUrl: t('digestColumnPageUrl'),
  },
};

/** Saves text as a file through a download link, put in the document (a detached one was reported to save nothing in Firefox). */
function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The digest of the page's terms, to copy or save; nothing until it is complete, or when the page has no terms. */
export function PageDigestActions({ entries, page }: { entries: Entries | undefined; page: ActivePage | null }) {
  const digest = usePageDigest(entries, page);
  if (!digest || digest.terms.length === 0) return null;
  return (
    <PageDigest
      labels={labels}
      onCopyMarkdown={() => navigator.clipboard.writeText(digestToMarkdown(digest, digestLabels))}
      onSaveMarkdown={() =>
        download(digestFileName(digest, 'md'), 'text/markdown;charset=utf-8', digestToMarkdown(digest, digestLabels))
      }
      // A byte-order mark: spreadsheets then read the file as UTF-8 (é, ë, ß).
      onSaveCsv={() =>
        download(digestFileName(digest, 'csv'), 'text/csv;charset=utf-8', '\uFEFF' + digestToCsv(digest, digestLabels))
      }
    />
  );
}
