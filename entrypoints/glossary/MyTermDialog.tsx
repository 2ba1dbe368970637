import { useEffect, useRef } from 'preact/hooks';
import { MyTermForm, type MyTermFormValue } from '@/components/MyTermForm';
import { LANGS, type Lang } from '@/core/constants';
import type { ImportedEntry } from '@/core/imported-schema';
import { myTermInputOf } from '@/core/my-terms';
import { t } from '@/i18n/t';
import { languageName, uiLanguage } from '@/ui-data/i18n';
import { addMyTerm } from '@/ui-data/my-terms';

const labels = {
  name: t('myTermName'),
  abbreviation: t('myTermAbbreviation'),
  abbreviationHelp: t('myTermAbbreviationHelp'),
  definition: t('myTermDefinition'),
  language: t('myTermLanguage'),
  save: t('myTermSave'),
  cancel: t('glossariesCancel'),
};
const editLabels = { ...labels, save: t('myTermSaveChanges') };
const languages = LANGS.map((code) => ({ code, name: languageName(code) }));

/**
 * The form that adds a term of the reader's own, or edits one (`editing`: filled in with it; saved under
 * its id, so its note stays on it), in a modal dialog; says what was saved.
 */
export function MyTermDialog({
  initial,
  editing,
  open,
  onClose,
  onAdded,
}: {
  /** Filled in from the context menu's selection. */
  initial?: { name: string; abbreviation: string } | undefined;
  /** The term to edit. */
  editing?: ImportedEntry | undefined;
  open: boolean;
  onClose: () => void;
  onAdded: (name: string, entry: ImportedEntry) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  const before = editing ? myTermInputOf(editing) : null;
  const save = async (value: MyTermFormValue) => {
    const entry = await addMyTerm({
      ...(before && { id: before.id }),
      name: value.name,
      ...(value.abbreviation.trim() && { abbreviation: value.abbreviation }),
      ...(value.definition.trim() && { definition: value.definition }),
      lang: value.lang as Lang,
      // Where it was learned stays with it: the form does not show it.
      ...(before?.source && { source: before.source }),
    });
    onAdded(entry.terms[0]!.text, entry);
    onClose();
  };
  return (
    <dialog ref={dialog} class="my-term-dialog" aria-labelledby="my-term-dialog-title" onClose={onClose}>
      <h2 id="my-term-dialog-title">{t(before ? 'myTermEditTitle' : 'myTermsDialogTitle')}</h2>
      {open && (
        <MyTermForm
          labels={before ? editLabels : labels}
          languages={languages}
          initial={
            before
              ? {
                  name: before.name,
                  abbreviation: before.abbreviation ?? '',
                  definition: before.definition ?? '',
                  lang: before.lang,
                }
              : {
                  name: initial?.name ?? '',
                  abbreviation: initial?.abbreviation ?? '',
                  definition: '',
                  lang: uiLanguage,
                }
          }
          onSave={save}
          onCancel={onClose}
        />
      )}
    </dialog>
  );
}
