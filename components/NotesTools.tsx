import { useState } from 'preact/hooks';

export interface NotesToolsLabels {
  heading: string;
  exportJson: string;
  exportMarkdown: string;
  importJson: string;
  imported: (r: { added: number; updated: number; kept: number }) => string;
}

interface Props {
  labels: NotesToolsLabels;
  onExportJson: () => Promise<void>;
  onExportMarkdown: () => Promise<void>;
  onImport: (json: string) => Promise<{ added: number; updated: number; kept: number }>;
}

/** Export notes as JSON or Markdown; import a JSON export (all or nothing, with a clear message). */
export function NotesTools({ labels, onExportJson, onExportMarkdown, onImport }: Props) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <section class="notes-tools" aria-labelledby="notes-tools-heading">
      <h2 id="notes-tools-heading">{labels.heading}</h2>
      <button type="button" onClick={() => void onExportJson()}>
        {labels.exportJson}
      </button>{' '}
      <button type="button" onClick={() => void onExportMarkdown()}>
        {labels.exportMarkdown}
      </button>{' '}
      <label class="import">
        {labels.importJson}{' '}
        <input
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            void file
              .text()
              .then(onImport)
              .then(
                (r) => setMessage({ ok: true, text: labels.imported(r) }),
                (err: unknown) => setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) }),
              )
              .finally(() => (input.value = ''));
          }}
        />
      </label>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'import-ok' : 'import-error'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
