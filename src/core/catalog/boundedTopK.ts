/**
 * The k largest values seen, with a payload each, for many independent slots at once
 * (one slot per factor × layer): a min-heap per slot in flat typed arrays.
 */
export class BoundedTopK {
  private readonly values: Float32Array;
  private readonly payloads: Uint32Array;
  private readonly sizes: Uint32Array;

  constructor(readonly slots: number, readonly k: number) {
    this.values = new Float32Array(slots * k);
    this.payloads = new Uint32Array(slots * k);
    this.sizes = new Uint32Array(slots);
  }

  offer(slot: number, value: number, payload: number): void {
    const base = slot * this.k;
    const size = this.sizes[slot];
    if (size < this.k) {
      this.values[base + size] = value;
      this.payloads[base + size] = payload;
      this.sizes[slot] = size + 1;
      this.siftUp(base, size);
    } else if (value > this.values[base]) {
      this.values[base] = value;
      this.payloads[base] = payload;
      this.siftDown(base, size);
    }
  }

  /** The slot's entries, largest value first. */
  entries(slot: number): Array<{ value: number; payload: number }> {
    const base = slot * this.k;
    return Array.from({ length: this.sizes[slot] }, (_, i) => ({ value: this.values[base + i], payload: this.payloads[base + i] }))
      .sort((a, b) => b.value - a.value || a.payload - b.payload);
  }

  private siftUp(base: number, i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.values[base + parent] <= this.values[base + i]) return;
      this.swap(base + parent, base + i);
      i = parent;
    }
  }

  private siftDown(base: number, size: number): void {
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < size && this.values[base + left] < this.values[base + smallest]) smallest = left;
      if (right < size && this.values[base + right] < this.values[base + smallest]) smallest = right;
      if (smallest === i) return;
      this.swap(base + i, base + smallest);
      i = smallest;
    }
  }

  private swap(a: number, b: number): void {
    [this.values[a], this.values[b]] = [this.values[b], this.values[a]];
    [this.payloads[a], this.payloads[b]] = [this.payloads[b], this.payloads[a]];
  }
}
