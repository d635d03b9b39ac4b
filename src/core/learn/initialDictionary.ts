import type { Dictionary } from '../dictionary/dictionary';
import type { SeededRandom } from './random';

/** Φ initialised as in the paper: Gaussian entries, every atom scaled to unit L2 norm. */
export function gaussianDictionary(atomCount: number, hiddenSize: number, random: SeededRandom): Dictionary {
  const atoms = new Float32Array(atomCount * hiddenSize);
  for (let i = 0; i < atoms.length; i++) atoms[i] = random.normal();
  const dictionary = { atoms, atomCount, hiddenSize };
  normaliseAtoms(dictionary);
  return dictionary;
}

/** Rescales every atom to unit L2 norm (an atom that collapsed to zero is left as is). */
export function normaliseAtoms({ atoms, atomCount, hiddenSize }: Dictionary): void {
  for (let k = 0; k < atomCount; k++) {
    const atom = atoms.subarray(k * hiddenSize, (k + 1) * hiddenSize);
    let squares = 0;
    for (let h = 0; h < hiddenSize; h++) squares += atom[h] * atom[h];
    if (squares > 0) {
      const scale = 1 / Math.sqrt(squares);
      for (let h = 0; h < hiddenSize; h++) atom[h] *= scale;
    }
  }
}
