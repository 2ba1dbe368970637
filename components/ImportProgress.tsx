export interface ImportProgressLabels {
  progress: string;
  cancel: string;
  cancelling: string;
}

interface Props {
  /** 0–100. */
  percent: number;
  /** "42 % · 12 345 entries read". */
  status: string;
  /** "about 3 minutes left", or that it is being estimated. */
  estimate: string;
  cancelling: boolean;
  onCancel: () => void;
  labels: ImportProgressLabels;
}

/** An import under way: how far, how many entries, how long still; and Cancel. */
export function ImportProgress({ percent, status, estimate, cancelling, onCancel, labels }: Props) {
  return (
    <div class="import-progress">
      <progress max={100} value={percent} aria-label={labels.progress} aria-describedby="import-progress-status" />
      <p id="import-progress-status">
        {status}
        {' · '}
        {cancelling ? labels.cancelling : estimate}
      </p>
      <button type="button" onClick={onCancel} disabled={cancelling}>
        {labels.cancel}
      </button>
    </div>
  );
}
