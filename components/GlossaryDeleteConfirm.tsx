import { useEffect, useRef } from 'preact/hooks';

interface Props {
  id: string;
  question: string;
  labels: { yes: string; keep: string };
  busy: boolean;
  onDelete: () => void;
  onKeep: () => void;
}

/** The one question before a glossary is deleted; the focus starts on the safe answer. */
export function GlossaryDeleteConfirm({ id, question, labels, busy, onDelete, onKeep }: Props) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  const questionId = `glossary-${id}-confirm`;
  return (
    <div class="glossary-confirm" role="group" aria-labelledby={questionId}>
      <p id={questionId}>{question}</p>
      <button type="button" class="danger" disabled={busy} onClick={onDelete}>
        {labels.yes}
      </button>{' '}
      <button type="button" ref={keep} onClick={onKeep}>
        {labels.keep}
      </button>
    </div>
  );
}
