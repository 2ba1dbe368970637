import { useEffect, useRef } from 'preact/hooks';
import { MyTermForm, type MyTermFormValue } from '@/components/MyTermForm';
import { LANGS, type Lang } from '@/core/constants';
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
const languages = LANGS.map((code) => ({ code, name: languageName(code) }));

/** The form that adds a term of the reader's own, in a modal dialog; says what was added. */
export function MyTermDialog({
  initial,
  open,
  onClose,
  onAdded,
}: {
  /** Filled in from the context menu's selection. */
  initial?: { name: string; abbreviation: string } | undefined;
  open: boolean;
  onClose: () => void;
  onAdded: (name: string) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  const save = async (value: MyTermFormValue) => {
    const entry = await addMyTerm({
      name: value.name,
      ...(value.abbreviation.trim() && { abbreviation: value.abbreviation }),
      ...(value.definition.trim() && { definition: value.definition }),
      lang: value.lang as Lang,
    });
    onAdded(entry.terms[0]!.text);
    onClose();
  };
  return (
    <dialog ref={dialog} class="my-term-dialog" aria-labelledby="my-term-dialog-title" onClose={onClose}>
      <h2 id="my-term-dialog-title">{t('myTermsDialogTitle')}</h2>
      {open && (
        <MyTermForm
          labels={labels}
          languages={languages}
          initial={{
            name: initial?.name ?? '',
            abbreviation: initial?.abbreviation ?? '',
            definition: '',
            lang: uiLanguage,
          }}
          onSave={save}
          onCancel={onClose}
        />
      )}
    </dialog>
  );
}
