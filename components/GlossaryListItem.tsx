import { useEffect, useRef, useState } from 'preact/hooks';
import { GlossaryDeleteConfirm } from './GlossaryDeleteConfirm';
import { GlossaryRenameForm } from './GlossaryRenameForm';

/** One glossary as the list shows it: text already formatted for the reader. */
export interface GlossaryItem {
  id: string;
  title: string;
  enabled: boolean;
  /** False for the letter's glossary: it ships with the extension and can only be switched off. */
  deletable: boolean;
  /** Format, file, date, entries, languages, size: label and value, in this order. */
  details: { label: string; value: string }[];
  /** The entry count as shown, for the delete question. */
  entryCount: string;
  /** An import's precision rules the reader can switch (the letter's entries are reviewed one by one). */
  rules?: { skipCommon: boolean; abbreviationsCaseExact: boolean };
  /** Where its entries are listed (an import's `#glossary=<id>`). */
  entriesHref?: string;
}

export interface GlossaryListLabels {
  switchLabel: (title: string) => string;
  on: string;
  off: string;
  rename: string;
  renameLabel: (title: string) => string;
  nameLabel: (title: string) => string;
  save: string;
  cancel: string;
  moveUp: (title: string) => string;
  moveDown: (title: string) => string;
  remove: string;
  removeLabel: (title: string) => string;
  removeConfirm: (title: string, count: string) => string;
  removeYes: string;
  keep: string;
  letterFixed: string;
  rulesHeading: string;
  skipCommon: string;
  skipCommonHelp: string;
  abbreviationsCaseExact: string;
  abbreviationsCaseExactHelp: string;
  failed: (message: string) => string;
  showEntries: string;
  showEntriesLabel: (title: string) => string;
}

export interface GlossaryListActions {
  onToggle: (id: string, enabled: boolean) => Promise<void>;
  onRename: (id: string, title: string) => Promise<void>;
  onMove: (id: string, by: -1 | 1) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
  onRules: (id: string, rules: { skipCommon: boolean; abbreviationsCaseExact: boolean }) => Promise<void>;
}

interface Props extends GlossaryListActions {
  item: GlossaryItem;
  labels: GlossaryListLabels;
  /** Its place in the list, and how many there are (for the up/down buttons). */
  position: number;
  count: number;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * A glossary in the list: its details, an on/off switch, rename in place, up/down, and delete after
 * one question. The glossary's title is in every control's accessible name, so each row's controls
 * are told apart by ear (and by tests).
 */
export function GlossaryListItem(props: Props) {
  const { item, labels, position, count, onToggle, onRename, onMove, onDelete, onRules } = props;
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm'>('view');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The switch as the reader set it, until the stored row says so too. */
  const [switching, setSwitching] = useState<boolean | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const moveButtons = { [-1]: useRef<HTMLButtonElement>(null), [1]: useRef<HTMLButtonElement>(null) };
  /** The move button to focus again once the list has re-rendered in its new order. */
  const refocus = useRef<-1 | 1 | null>(null);

  useEffect(() => {
    if (switching !== null && switching === item.enabled) setSwitching(null);
  }, [item.enabled]);

  useEffect(() => {
    const by = refocus.current;
    if (by === null) return;
    refocus.current = null;
    // At an end the button is disabled: the other one keeps the focus in the row.
    const button = moveButtons[by].current?.disabled ? moveButtons[by === -1 ? 1 : -1] : moveButtons[by];
    button.current?.focus();
  }, [position]);

  const run = async (action: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(labels.failed(messageOf(e)));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const closeRename = () => {
    setMode('view');
    requestAnimationFrame(() => renameButton.current?.focus());
  };

  const enabled = switching ?? item.enabled;

  return (
    <li class={`glossary-item${enabled ? '' : ' glossary-off'}`}>
      <div class="glossary-head">
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            checked={enabled}
            aria-label={labels.switchLabel(item.title)}
            onChange={(e) => {
              const next = e.currentTarget.checked;
              setSwitching(next);
              void run(() => onToggle(item.id, next)).then((ok) => ok || setSwitching(null));
            }}
          />
          <span aria-hidden="true">{enabled ? labels.on : labels.off}</span>
        </label>
        {mode === 'rename' ? (
          <GlossaryRenameForm
            title={item.title}
            labels={{ name: labels.nameLabel(item.title), save: labels.save, cancel: labels.cancel }}
            busy={busy}
            onSave={(title) => void run(() => onRename(item.id, title)).then((ok) => ok && closeRename())}
            onCancel={closeRename}
          />
        ) : (
          <h3>{item.title}</h3>
        )}
      </div>
      <dl class="glossary-details">
        {item.details.map((d) => (
          <div key={d.label}>
            <dt>{d.label}</dt>
            <dd>{d.value}</dd>
          </div>
        ))}
      </dl>
      {item.rules && (
        <details class="glossary-rules">
          <summary>{labels.rulesHeading}</summary>
          {(['skipCommon', 'abbreviationsCaseExact'] as const).map((rule) => (
            <label key={rule}>
              <input
                type="checkbox"
                checked={item.rules![rule]}
                onChange={(e) => void run(() => onRules(item.id, { ...item.rules!, [rule]: e.currentTarget.checked }))}
              />
              <span>
                {labels[rule]}
                <small>{labels[`${rule}Help`]}</small>
              </span>
            </label>
          ))}
        </details>
      )}
      <div class="glossary-actions">
        {item.entriesHref && (
          <a class="glossary-entries-link" href={item.entriesHref} aria-label={labels.showEntriesLabel(item.title)}>
            {labels.showEntries}
          </a>
        )}
        {mode !== 'rename' && (
          <button
            type="button"
            ref={renameButton}
            aria-label={labels.renameLabel(item.title)}
            onClick={() => {
              setError(null);
              setMode('rename');
            }}
          >
            {labels.rename}
          </button>
        )}
        {([-1, 1] as const).map((by) => (
          <button
            type="button"
            key={by}
            ref={moveButtons[by]}
            class="move"
            disabled={by === -1 ? position === 0 : position === count - 1}
            aria-label={by === -1 ? labels.moveUp(item.title) : labels.moveDown(item.title)}
            title={by === -1 ? labels.moveUp(item.title) : labels.moveDown(item.title)}
            onClick={() => {
              // One move at a time (the next reads the stored order); the button stays focusable.
              if (busy) return;
              refocus.current = by;
              void run(() => onMove(item.id, by));
            }}
          >
            <span aria-hidden="true">{by === -1 ? '↑' : '↓'}</span>
          </button>
        ))}
        {item.deletable ? (
          mode !== 'confirm' && (
            <button
              type="button"
              class="danger"
              aria-label={labels.removeLabel(item.title)}
              onClick={() => setMode('confirm')}
            >
              {labels.remove}
            </button>
          )
        ) : (
          <span class="muted">{labels.letterFixed}</span>
        )}
      </div>
      {mode === 'confirm' && (
        <GlossaryDeleteConfirm
          id={item.id}
          question={labels.removeConfirm(item.title, item.entryCount)}
          labels={{ yes: labels.removeYes, keep: labels.keep }}
          busy={busy}
          onDelete={() => void run(() => onDelete(item.id))}
          onKeep={() => setMode('view')}
        />
      )}
      {error && (
        <p role="alert" class="import-error">
          {error}
        </p>
      )}
    </li>
  );
}
