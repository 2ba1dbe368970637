/** Typed-array building blocks of the token matcher's compiler (token-matcher-build.ts, token-ambiguous.ts). */

/** A list of int32 that grows by doubling. */
export class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** An open-addressing table of ids 0 … count-1 (stored as id + 1) placed by their hashes. */
export function hashTable(hashes: Int32Array, count: number, size: number): Int32Array {
  const table = new Int32Array(size);
  const mask = size - 1;
  for (let id = 0; id < count; id++) {
    let slot = hashes[id]! & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = id + 1;
  }
  return table;
}
