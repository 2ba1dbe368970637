export interface SyncSectionLabels {
  heading: string;
  toggle: string;
  /** One sentence: what is sent where. */
  explanation: string;
  localOnly: string;
  conflicts: string;
  elsewhere: string;
  problems: string;
  error: string;
}

export interface SyncNamed {
  termId: string;
  name: string;
}

interface Props {
  /** Undefined until the setting is read: the switch waits. */
  enabled: boolean | undefined;
  onToggle: (on: boolean) => void;
  /** Notes the quota could not hold: they stay on this device only. */
  localOnly: readonly SyncNamed[];
  /** Notes that now hold two devices' texts. */
  conflicts: readonly SyncNamed[];
  /** Titles of glossaries in the list on another device, not imported here. */
  elsewhere: readonly string[];
  /** What could not be read from other devices. */
  problems: readonly string[];
  error?: string;
  labels: SyncSectionLabels;
}

function List({ id, heading, items }: { id: string; heading: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <div class={`sync-${id}`}>
      <p>{heading}</p>
      <ul>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

/** The opt-in switch for the browser's account sync, what it does, and what it could not carry. */
export function SyncSection(p: Props) {
  const on = p.enabled === true;
  return (
    <section class="sync" aria-labelledby="sync-heading">
      <h2 id="sync-heading">{p.labels.heading}</h2>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={on}
          disabled={p.enabled === undefined}
          onChange={(e) => p.onToggle(e.currentTarget.checked)}
        />
        {p.labels.toggle}
      </label>
      <p class="muted">{p.labels.explanation}</p>
      {on && (
        <>
          {p.error && <p role="alert">{`${p.labels.error} ${p.error}`}</p>}
          <List id="local-only" heading={p.labels.localOnly} items={p.localOnly.map((n) => n.name)} />
          <List id="conflicts" heading={p.labels.conflicts} items={p.conflicts.map((n) => n.name)} />
          <List id="elsewhere" heading={p.labels.elsewhere} items={p.elsewhere} />
          <List id="problems" heading={p.labels.problems} items={p.problems} />
        </>
      )}
    </section>
  );
}
