import { SeededRandom } from '../learn/random';

/** A uniform sample of fixed size per slot over everything offered (Vitter's algorithm R). */
export class ReservoirSample {
  private readonly values: Float32Array;
  private readonly payloads: Uint32Array;
  private readonly seen: Float64Array;
  private readonly random: SeededRandom;

  constructor(readonly slots: number, readonly size: number, seed: number) {
    this.values = new Float32Array(slots * size);
    this.payloads = new Uint32Array(slots * size);
    this.seen = new Float64Array(slots);
    this.random = new SeededRandom(seed);
  }

  offer(slot: number, value: number, payload: number): void {
    const n = this.seen[slot]++;
    const index = n < this.size ? n : Math.floor(this.random.next() * (n + 1));
    if (index < this.size) {
      this.values[slot * this.size + index] = value;
      this.payloads[slot * this.size + index] = payload;
    }
  }

  /** How many values were offered to the slot. */
  count(slot: number): number {
    return this.seen[slot];
  }

  entries(slot: number): Array<{ value: number; payload: number }> {
    const n = Math.min(this.size, this.seen[slot]);
    const base = slot * this.size;
    return Array.from({ length: n }, (_, i) => ({ value: this.values[base + i], payload: this.payloads[base + i] }));
  }
}
