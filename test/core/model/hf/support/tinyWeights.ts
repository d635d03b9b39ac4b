import { SeededRandom } from '../../../../../src/core/learn/random';

/** A row-major matrix of float32 weights. */
export interface Weight {
  rows: number;
  cols: number;
  data: Float32Array;
}

/** Seeded Gaussian weights, N(mean, scale²), so every run builds the same model. */
export class WeightMaker {
  private readonly random: SeededRandom;

  constructor(seed: number) {
    this.random = new SeededRandom(seed);
  }

  matrix(rows: number, cols: number, scale: number, mean = 0): Weight {
    return { rows, cols, data: Float32Array.from({ length: rows * cols }, () => mean + scale * this.random.normal()) };
  }

  vector(size: number, scale: number, mean = 0): Weight {
    return this.matrix(1, size, scale, mean);
  }
}
