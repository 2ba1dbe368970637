import { useState } from 'preact/hooks';

export interface MyTermFormLabels {
  name: string;
  abbreviation: string;
  abbreviationHelp: string;
  definition: string;
  language: string;
  save: string;
  cancel: string;
}

export interface MyTermFormValue {
  name: string;
  abbreviation: string;
  definition: string;
  lang: string;
}

interface Props {
  labels: MyTermFormLabels;
  languages: readonly { code: string; name: string }[];
  initial: MyTermFormValue;
  /** Resolves when saved; rejects with the message to show (the form keeps what was typed). */
  onSave: (value: MyTermFormValue) => Promise<void>;
  onCancel: () => void;
}

/** A term the reader adds: name, optional abbreviation and definition, and the language they are in. */
export function MyTermForm({ labels, languages, initial, onSave, onCancel }: Props) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const field = (key: keyof MyTermFormValue) => ({
    value: value[key],
    // From the latest state: two fields filled before a render (autofill) both stay.
    onInput: (e: Event) => {
      const typed = (e.currentTarget as HTMLInputElement).value;
      setValue((current) => ({ ...current, [key]: typed }));
    },
  });
  return (
    <form
      class="my-term-form"
      onSubmit={(e) => {
        e.preventDefault();
        setSaving(true);
        setError(null);
        onSave(value).then(
          () => setSaving(false),
          (reason: unknown) => {
            setSaving(false);
            setError(reason instanceof Error ? reason.message : String(reason));
          },
        );
      }}
    >
      <label>
        {labels.name}
        <input name="name" required maxLength={300} autoComplete="off" {...field('name')} />
      </label>
      <label>
        {labels.abbreviation}
        <input
          name="abbreviation"
          maxLength={30}
          autoComplete="off"
          aria-describedby="my-term-abbreviation-help"
          {...field('abbreviation')}
        />
      </label>
      <p id="my-term-abbreviation-help" class="muted">
        {labels.abbreviationHelp}
      </p>
      <label>
        {labels.definition}
        <textarea name="definition" rows={4} maxLength={10_000} {...field('definition')} />
      </label>
      <label>
        {labels.language}
        <select name="lang" {...field('lang')}>
          {languages.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={saving}>
          {labels.save}
        </button>
        <button type="button" onClick={onCancel}>
          {labels.cancel}
        </button>
      </div>
    </form>
  );
}
