import { useState } from 'preact/hooks';
import { GlossaryDeleteConfirm } from '@/components/GlossaryDeleteConfirm';
import type { ImportedEntry } from '@/core/imported-schema';
import { t } from '@/i18n/t';
import { deleteMyTerm } from '@/ui-data/my-terms';
import { MyTermDialog } from './MyTermDialog';

/**
 * Edit and Delete under one of the reader's own terms on the glossary page. Editing opens the form
 * filled in; deleting asks once. A note on a deleted term is kept, with the orphaned notes.
 */
export function MyTermActions({
  entry,
  onSaved,
  onDeleted,
}: {
  entry: ImportedEntry;
  onSaved: (entry: ImportedEntry) => void;
  onDeleted: (name: string) => void;
}) {
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm'>('view');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = entry.terms[0]?.text ?? entry.id;
  return (
    <div class="my-term-actions">
      <button type="button" onClick={() => setMode('edit')}>
        {t('myTermEdit')}
      </button>{' '}
      <button type="button" class="danger" onClick={() => setMode('confirm')}>
        {t('myTermDelete')}
      </button>
      {mode === 'confirm' && (
        <GlossaryDeleteConfirm
          id={`my-term-${entry.id}`}
          question={t('myTermDeleteConfirm', name)}
          labels={{ yes: t('myTermDeleteYes'), keep: t('glossariesKeep') }}
          busy={busy}
          onDelete={() => {
            setBusy(true);
            deleteMyTerm(entry.id).then(
              () => onDeleted(name),
              (e: unknown) => {
                setBusy(false);
                setError((e as Error).message);
              },
            );
          }}
          onKeep={() => setMode('view')}
        />
      )}
      {error && (
        <p role="alert" class="import-error">
          {error}
        </p>
      )}
      <MyTermDialog
        key={entry.id}
        editing={entry}
        open={mode === 'edit'}
        onClose={() => setMode('view')}
        onAdded={(_, saved) => onSaved(saved)}
      />
    </div>
  );
}
