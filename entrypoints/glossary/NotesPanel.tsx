import { NotesTools, type NotesToolsLabels } from '@/components/NotesTools';
import { notesToMarkdown } from '@/core/notes-markdown';
import { t } from '@/i18n/t';
import { useCollections, useDataSource } from '@/ui-data/context';
import type { Entries } from '@/ui-data/entries';
import { useUiLanguage } from '@/ui-data/i18n';

const labels: NotesToolsLabels = {
  heading: t('glossaryNotesHeading'),
  exportJson: t('glossaryExportJson'),
  exportMarkdown: t('glossaryExportMarkdown'),
  importJson: t('glossaryImportJson'),
  imported: (r) => t('glossaryImported', [String(r.added), String(r.updated), String(r.kept)]),
};

/** Saves text as a file through a download link. */
function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The reader's notes out (JSON, Markdown) and in (a JSON export, all or nothing). */
export function NotesPanel({ entries }: { entries: Entries | undefined }) {
  const source = useDataSource();
  const collections = useCollections();
  const lang = useUiLanguage();
  return (
    <NotesTools
      labels={labels}
      onExportJson={async () => {
        const data = await collections.exportNotes();
        const name = `benelux-glossary-notes-${data.exportedAt.slice(0, 10)}.json`;
        download(name, 'application/json', JSON.stringify(data, null, 2));
      }}
      onExportMarkdown={async () => {
        const { notes } = await collections.exportNotes();
        const md = notesToMarkdown(notes, (id) => entries?.byId.get(id)?.name[lang] ?? id, {
          title: t('glossaryNotesHeading'),
          updated: t('glossaryUpdated'),
          seenOn: t('glossarySeenOn'),
        });
        download(`benelux-glossary-notes-${new Date().toISOString().slice(0, 10)}.md`, 'text/markdown', md);
      }}
      onImport={(json) => source.importNotes(json)}
    />
  );
}
