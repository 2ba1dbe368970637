import { useState } from 'preact/hooks';

interface Props {
  label: string;
  hint: string;
  accept: string;
  onFile: (file: File) => void;
}

/** A file field that also takes a file dropped on it. */
export function FileDrop({ label, hint, accept, onFile }: Props) {
  const [over, setOver] = useState(false);
  return (
    <div
      class={`file-drop${over ? ' file-drop-over' : ''}`}
      onDragOver={(e) => {
        if (!e.dataTransfer?.types.includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer?.files[0];
        if (file) onFile(file);
      }}
    >
      <label for="import-file">{label}</label>
      <input
        id="import-file"
        type="file"
        accept={accept}
        aria-describedby="import-file-hint"
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          // Cleared, so choosing the same file again (after fixing it) is a change too.
          input.value = '';
          if (file) onFile(file);
        }}
      />
      <p id="import-file-hint" class="muted">
        {hint}
      </p>
    </div>
  );
}
