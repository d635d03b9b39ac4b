import type { Dictionary } from '../../../src/core/dictionary/dictionary';
import { seededRandom } from './realHiddenStates';

/** A standard normal sample (Box–Muller) from a uniform generator. */
export function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * A random dictionary with unit atoms. `shared` > 0 adds a common direction to every atom
 * before normalising, making the atoms coherent like hidden states (which share a large mean).
 */
export function randomDictionary(atomCount: number, hiddenSize: number, seed: number, shared = 0): Dictionary {
  const random = seededRandom(seed);
  const mean = Array.from({ length: hiddenSize }, () => gaussian(random));
  const atoms = new Float32Array(atomCount * hiddenSize);
  for (let k = 0; k < atomCount; k++) {
    const atom = mean.map((m) => shared * m + gaussian(random));
    const norm = Math.hypot(...atom);
    atom.forEach((v, h) => { atoms[k * hiddenSize + h] = v / norm; });
  }
  return { atoms, atomCount, hiddenSize };
}

/** n random vectors [n × hidden]: a Gaussian plus `offset` times a fixed direction. */
export function randomVectors(n: number, hiddenSize: number, seed: number, offset = 0): Float32Array {
  const random = seededRandom(seed);
  const direction = Array.from({ length: hiddenSize }, () => gaussian(random));
  const X = new Float32Array(n * hiddenSize);
  for (let i = 0; i < n * hiddenSize; i++) X[i] = gaussian(random) + offset * direction[i % hiddenSize];
  return X;
}
