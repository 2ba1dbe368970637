import { useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  title: string;
  labels: { name: string; save: string; cancel: string };
  busy: boolean;
  onSave: (title: string) => void;
  onCancel: () => void;
}

/** A glossary's name, edited in place: Enter saves, Escape gives up. */
export function GlossaryRenameForm({ title, labels, busy, onSave, onCancel }: Props) {
  const [name, setName] = useState(title);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  return (
    <form
      class="glossary-rename"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(name);
      }}
    >
      <input
        ref={input}
        type="text"
        value={name}
        maxLength={200}
        required
        aria-label={labels.name}
        onInput={(e) => setName(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          onCancel();
        }}
      />{' '}
      <button type="submit" disabled={busy}>
        {labels.save}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {labels.cancel}
      </button>
    </form>
  );
}
