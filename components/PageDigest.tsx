import { useEffect, useState } from 'preact/hooks';

export interface PageDigestLabels {
  group: string;
  copyMarkdown: string;
  saveMarkdown: string;
  saveCsv: string;
  copied: string;
  copyFailed: string;
}

interface Props {
  labels: PageDigestLabels;
  /** Puts the digest on the clipboard as Markdown; rejects when the clipboard refuses. */
  onCopyMarkdown: () => Promise<void>;
  onSaveMarkdown: () => void;
  onSaveCsv: () => void;
}

/** How long "Copied" stays. */
const STATUS_MS = 4000;

/** The export of the "on this page" list: copy as Markdown (saying so once done), or save as Markdown or CSV. */
export function PageDigest({ labels, onCopyMarkdown, onSaveMarkdown, onSaveCsv }: Props) {
  const [status, setStatus] = useState<{ ok: boolean; at: number } | null>(null);
  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(null), STATUS_MS);
    return () => clearTimeout(timer);
  }, [status]);
  return (
    <div class="page-digest" role="group" aria-label={labels.group}>
      <button
        type="button"
        class="link digest-copy-md"
        onClick={() =>
          void onCopyMarkdown().then(
            () => setStatus({ ok: true, at: Date.now() }),
            () => setStatus({ ok: false, at: Date.now() }),
          )
        }
      >
        {labels.copyMarkdown}
      </button>
      <button type="button" class="link digest-save-md" onClick={onSaveMarkdown}>
        {labels.saveMarkdown}
      </button>
      <button type="button" class="link digest-save-csv" onClick={onSaveCsv}>
        {labels.saveCsv}
      </button>
      {/* Always in the document, so that screen readers announce what appears in it. */}
      <span class={`digest-status${status && !status.ok ? ' error' : ''}`} role="status">
        {status ? (status.ok ? labels.copied : labels.copyFailed) : ''}
      </span>
    </div>
  );
}
