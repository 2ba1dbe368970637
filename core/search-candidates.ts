/**
 * The entries a query's words have reached so far, and per query word how well each matched a title
 * (name, alias) and a text (explanation, note) of it — in typed arrays reused from query to query,
 * since a short word can reach thousands of entries of a big glossary on every keystroke.
 */
export class Candidates {
  /** Query generation per entry: an entry is a candidate if its stamp is the current one. */
  private readonly stamp: Int32Array;
  private readonly slotOf: Int32Array;
  private generation = 0;
  private words = 1;
  private capacity = 0;
  /** The candidates' entries, by slot. */
  entries: number[] = [];
  /** Per slot, per query word: the best title match's quality (0: none) … */
  title = new Float64Array(0);
  /** … and the best text match's, weighted by the text's kind. */
  text = new Float64Array(0);
  /** Per slot: the length of the shortest title that matched a word. */
  shortestTitle = new Float64Array(0);
  /** Per slot: title field → the query words that are whole words of it. */
  exactIn: (Map<number, number> | undefined)[] = [];
  /** Per slot: 0 once a query word has not matched it. */
  alive = new Uint8Array(0);

  constructor(entryCount: number) {
    this.stamp = new Int32Array(entryCount);
    this.slotOf = new Int32Array(entryCount);
  }

  /** Starts a query of `words` words: no candidates. */
  reset(words: number): void {
    this.generation = (this.generation + 1) | 0 || 1;
    if (this.generation === 1) this.stamp.fill(0);
    this.words = words;
    this.entries = [];
    this.exactIn = [];
    this.capacity = 0;
    this.grow(64);
  }

  get size(): number {
    return this.entries.length;
  }

  /** The entry's slot, or -1 if it is no (living) candidate. */
  slot(entry: number): number {
    if (this.stamp[entry] !== this.generation) return -1;
    const s = this.slotOf[entry]!;
    return this.alive[s] ? s : -1;
  }

  add(entry: number): number {
    const s = this.entries.length;
    if (s === this.capacity) this.grow(this.capacity * 2);
    this.entries.push(entry);
    this.stamp[entry] = this.generation;
    this.slotOf[entry] = s;
    this.shortestTitle[s] = Infinity;
    this.alive[s] = 1;
    return s;
  }

  noteTitle(s: number, word: number, quality: number, field: number, exact: boolean, length: number): void {
    const at = s * this.words + word;
    if (quality > this.title[at]!) this.title[at] = quality;
    if (exact) {
      const map = (this.exactIn[s] ??= new Map());
      map.set(field, (map.get(field) ?? 0) | (1 << word));
    }
    if (length < this.shortestTitle[s]!) this.shortestTitle[s] = length;
  }

  noteText(s: number, word: number, quality: number): void {
    const at = s * this.words + word;
    if (quality > this.text[at]!) this.text[at] = quality;
  }

  /** Drops the candidates that query word `word` did not match. */
  keepMatching(word: number): number {
    let left = 0;
    for (let s = 0; s < this.entries.length; s++) {
      if (!this.alive[s]) continue;
      const at = s * this.words + word;
      if (this.title[at]! > 0 || this.text[at]! > 0) left++;
      else this.alive[s] = 0;
    }
    return left;
  }

  private grow(capacity: number): void {
    const title = new Float64Array(capacity * this.words);
    const text = new Float64Array(capacity * this.words);
    const shortestTitle = new Float64Array(capacity);
    const alive = new Uint8Array(capacity);
    if (this.capacity > 0) {
      title.set(this.title.subarray(0, this.capacity * this.words));
      text.set(this.text.subarray(0, this.capacity * this.words));
      shortestTitle.set(this.shortestTitle.subarray(0, this.capacity));
      alive.set(this.alive.subarray(0, this.capacity));
    }
    this.title = title;
    this.text = text;
    this.shortestTitle = shortestTitle;
    this.alive = alive;
    this.capacity = capacity;
  }
}

/** The best `k` of `items` by `compare` (best first), without sorting them all. */
export function topK<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  if (k <= 0) return top;
  for (const item of items) {
    if (top.length === k) {
      if (compare(item, top[k - 1]!) >= 0) continue;
      top.pop();
    }
    let at = top.length;
    top.push(item);
    for (; at > 0 && compare(item, top[at - 1]!) < 0; at--) top[at] = top[at - 1]!;
    top[at] = item;
  }
  return top;
}
