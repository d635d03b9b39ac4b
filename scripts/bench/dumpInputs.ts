import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dictionary } from '../../src/core/dictionary/dictionary';
import { exportPaperNpy } from '../../src/core/dictionary/paperNpy';
import { writeNpy } from '../../src/core/io/npy';
import { sparseCodesToDense } from '../../src/core/sparse/sparseCodes';
import type { CoderComparison } from './sections/coderVersusFista';

/**
 * `--dump DIR`: the exact inputs and results of the coder comparison, so any external solver can
 * be compared on identical data (states.npy [n, hidden], dictionary.npy [hidden, K] as the
 * paper stores Φ, codes.npy [n, K] from the production coder, meta.json with the wall time and
 * summed objective of the production coder and of FISTA-500, both on these same n rows).
 */
export function dumpInputs(dir: string, dictionary: Dictionary, states: Float32Array, comparison: CoderComparison, layersOfRows: string[]): void {
  mkdirSync(dir, { recursive: true });
  const { hiddenSize: d, atomCount: K } = dictionary;
  const n = comparison.vectors;
  writeNpy(join(dir, 'states.npy'), [n, d], states);
  exportPaperNpy(dictionary, join(dir, 'dictionary.npy'));
  writeNpy(join(dir, 'codes.npy'), [n, K], sparseCodesToDense(comparison.codes, K));
  const meta = {
    lambda: comparison.lambda,
    productionSeconds: comparison.production.medianSeconds,
    productionObjective: comparison.production.objective,
    objective: '½‖x − Φα‖² + λ‖α‖₁ summed over rows, α ≥ 0',
    fista500: 'non-negative FISTA, 500 iterations, step 1/L (L = lipschitz), from α = 0, on every row, once',
    fista500Seconds: comparison.fista500.seconds,
    fista500Objective: comparison.fista500.objective,
    lipschitz: comparison.fista500.lipschitz,
    rows: n,
    rowLayers: layersOfRows,
  };
  writeFileSync(join(dir, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
}
