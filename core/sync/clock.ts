/**
 * Per-device revisions (a version vector): how many changes of a note each device has made that this
 * state includes. Two states are ordered when one includes everything the other does; otherwise they
 * were edited apart (concurrently) and must be merged.
 */
export type Clock = Readonly<Record<string, number>>;

export type ClockOrder = 'equal' | 'before' | 'after' | 'concurrent';

/** How `a` stands to `b`: `before` when b includes all of a and more. */
export function compareClocks(a: Clock, b: Clock): ClockOrder {
  let aAhead = false;
  let bAhead = false;
  for (const device of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[device] ?? 0;
    const y = b[device] ?? 0;
    if (x > y) aAhead = true;
    if (y > x) bAhead = true;
  }
  if (aAhead && bAhead) return 'concurrent';
  return aAhead ? 'after' : bAhead ? 'before' : 'equal';
}

/** Whether every change `a` includes is in `b` too. */
export function includedIn(a: Clock, b: Clock): boolean {
  const order = compareClocks(a, b);
  return order === 'before' || order === 'equal';
}

/** Everything either includes. */
export function joinClocks(a: Clock, b: Clock): Clock {
  const joined: Record<string, number> = { ...a };
  for (const [device, count] of Object.entries(b)) joined[device] = Math.max(joined[device] ?? 0, count);
  return joined;
}

/** One more change by `device`. */
export function tick(clock: Clock, device: string): Clock {
  return { ...clock, [device]: (clock[device] ?? 0) + 1 };
}

/** All changes counted, to prefer the later of two states both sides have. */
export function clockSize(clock: Clock): number {
  return Object.values(clock).reduce((sum, n) => sum + n, 0);
}
