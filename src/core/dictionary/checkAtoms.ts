import { DictionaryError } from './dictionaryError';

/** How far an atom's L2 norm may be from 1 (float32 rounding of a normalised atom is ~1e-6). */
export const UNIT_NORM_TOLERANCE = 1e-3;
const LISTED = 5;

/**
 * Checks that every value is finite and every atom has unit norm, in a single pass over Φ:
 * a NaN or infinity makes its atom's sum of squares non-finite, so only those atoms are revisited.
 */
export function checkAtoms(path: string, atoms: Float32Array, atomCount: number, hiddenSize: number): void {
  const nonFinite: number[] = [];
  const offNorm: Array<[atom: number, norm: number]> = [];
  for (let k = 0, start = 0; k < atomCount; k++, start += hiddenSize) {
    let squares = 0;
    for (let i = start; i < start + hiddenSize; i++) squares += atoms[i] * atoms[i];
    if (!Number.isFinite(squares)) nonFinite.push(k);
    else if (Math.abs(Math.sqrt(squares) - 1) > UNIT_NORM_TOLERANCE) offNorm.push([k, Math.sqrt(squares)]);
  }
  if (nonFinite.length) {
    let values = 0;
    for (const k of nonFinite) for (let i = k * hiddenSize; i < (k + 1) * hiddenSize; i++) if (!Number.isFinite(atoms[i])) values++;
    throw new DictionaryError(
      `dictionary ${path} holds ${values} NaN or infinite ${values === 1 ? 'value' : 'values'} in ${countOf(nonFinite.length, 'atom')} (first in atom ${nonFinite[0]}): it is damaged, or training diverged`,
      'non-finite',
    );
  }
  if (offNorm.length) {
    const listed = offNorm.slice(0, LISTED).map(([k, norm]) => `atom ${k} has norm ${norm.toPrecision(5)}`).join(', ');
    const more = offNorm.length > LISTED ? `, and ${offNorm.length - LISTED} more` : '';
    throw new DictionaryError(
      `dictionary ${path} has ${countOf(offNorm.length, 'atom')} that ${offNorm.length === 1 ? 'is' : 'are'} not unit-norm (tolerance ${UNIT_NORM_TOLERANCE}): ${listed}${more}`,
      'not-unit-norm',
    );
  }
}

const countOf = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
