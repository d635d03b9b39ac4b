import { basename } from 'node:path';
import { readNpy, writeNpy } from '../io/npy';
import type { ModelIdentity } from './checkModelMatch';
import type { Dictionary, DictionaryMetadata } from './dictionary';
import { DictionaryError } from './dictionaryError';
import { DICTIONARY_FORMAT_VERSION } from './dictionaryFormat';
import { parsePaperFileName } from './paperFileName';

/** The paper's default λ ("reg"), used when neither the caller nor the file name gives one. */
export const PAPER_DEFAULT_LAMBDA = 0.3;
/** Columns whose norm is this close to 1 are rescaled; farther ones mean the array is not a Φ. */
export const RENORMALISE_TOLERANCE = 1e-2;
/** Columns closer to unit norm than this are kept as they are (well inside the .tfdict tolerance). */
const NOTICEABLY_OFF_NORM = 1e-4;

export interface PaperImportOptions {
  /** The model whose hidden states Φ describes: the user's choice, as the .npy does not say. */
  model: ModelIdentity & { layers?: string[] };
  /** The layers it applies to; by default the model's layers when known. */
  layers?: string[];
  /** λ for decomposing; by default read from a `_reg0.23_` file name part, else the paper's 0.3. */
  lambda?: number;
  /** Shown in the editor; by default the file name without `.npy`. */
  name?: string;
}

/**
 * Reads a TransformerVis dictionary: numpy float32 (or float64) Φ of shape [hidden, K], e.g.
 * `bert-base-uncased_reg0.23_d2000_epoch2.npy`, and turns it into an atom-major dictionary.
 */
export function importPaperNpy(npyPath: string, options: PaperImportOptions): { dictionary: Dictionary; metadata: DictionaryMetadata } {
  const { model } = options;
  if (options.lambda !== undefined && !(Number.isFinite(options.lambda) && options.lambda >= 0)) {
    throw new DictionaryError(`cannot import ${npyPath}: λ must be a finite number ≥ 0, not ${options.lambda}`, 'bad-option');
  }
  let npy;
  try {
    npy = readNpy(npyPath);
  } catch (error) {
    throw new DictionaryError(`cannot import ${npyPath}: ${(error as Error).message}`, 'bad-npy', { cause: error });
  }
  const fileName = basename(npyPath);
  const named = parsePaperFileName(fileName);
  checkShape(npyPath, npy.shape, model, named.atomCount, named.modelName);
  const [hidden, K] = npy.shape;
  const { atoms, renormalised } = columnsAsUnitAtoms(npyPath, npy.data, hidden, K);
  const lambdaFrom = options.lambda !== undefined ? 'given' : named.lambda !== undefined ? 'file name' : 'paper default';
  const lambda = options.lambda ?? named.lambda ?? PAPER_DEFAULT_LAMBDA;
  const lambdaNote = { given: 'λ given on import', 'file name': 'λ from the file name', 'paper default': `λ not stated, the paper's default ${PAPER_DEFAULT_LAMBDA} assumed` }[lambdaFrom];
  return {
    dictionary: { atoms, atomCount: K, hiddenSize: hidden },
    metadata: {
      formatVersion: DICTIONARY_FORMAT_VERSION,
      name: options.name ?? fileName.replace(/\.npy$/i, ''),
      model: { id: model.id, hiddenSize: model.hiddenSize, ...(model.onnxSha256 ? { onnxSha256: model.onnxSha256 } : {}) },
      layers: options.layers ?? model.layers ?? [],
      atomCount: K,
      lambda,
      createdAt: new Date().toISOString(),
      importedFrom: `${fileName} (TransformerVis .npy, Φ [${hidden}, ${K}]; ${lambdaNote})`,
      importDetails: { format: 'transformervis-npy', file: fileName, lambdaFrom, renormalisedAtoms: renormalised },
    },
  };
}

/** Writes Φ as the paper stores it: float32 [hidden, K] in C order, what numpy.load returns. */
export function exportPaperNpy(dictionary: Dictionary, outPath: string): void {
  const { atoms, atomCount: K, hiddenSize: d } = dictionary;
  if (atoms.length !== K * d) throw new Error(`dictionary holds ${atoms.length} values, not ${K} × ${d}`);
  const phi = new Float32Array(d * K);
  for (let k = 0; k < K; k++) for (let h = 0; h < d; h++) phi[h * K + k] = atoms[k * d + h];
  writeNpy(outPath, [d, K], phi);
}

function checkShape(path: string, shape: number[], model: ModelIdentity, namedK: number | undefined, namedModel: string | undefined): void {
  if (shape.length !== 2) {
    throw new DictionaryError(`cannot import ${path}: it has shape (${shape.join(', ')}); a dictionary Φ is 2-D, [hidden, K]`, 'npy-shape');
  }
  const [rows, columns] = shape;
  if (rows !== model.hiddenSize) {
    const transposed = columns === model.hiddenSize;
    const hint = transposed
      ? `; its columns match, so the file looks transposed ([K, hidden]): save its transpose, e.g. np.save('phi.npy', np.load('${basename(path)}').T)`
      : `; it was made for a model with ${rows}-wide hidden states${namedModel ? ` (its file name says ${namedModel})` : ''}: import it for such a model`;
    throw new DictionaryError(`cannot import ${path}: Φ has shape [${rows}, ${columns}] but model ${model.id} has ${model.hiddenSize}-wide hidden states, so Φ must be [${model.hiddenSize}, K]${hint}`, 'npy-shape');
  }
  if (columns === 0) throw new DictionaryError(`cannot import ${path}: Φ has no atoms (shape [${rows}, 0])`, 'npy-shape');
  if (namedK !== undefined && namedK !== columns) {
    throw new DictionaryError(`cannot import ${path}: its file name says d${namedK} (${namedK} atoms) but it holds ${columns} columns; it may not be the file its name says (rename it if the name is wrong)`, 'file-name');
  }
}

/** Transposes Φ into atoms and rescales each to unit norm, rejecting NaNs, zeros and non-unit columns. */
function columnsAsUnitAtoms(path: string, phi: Float32Array, hidden: number, K: number): { atoms: Float32Array; renormalised: number } {
  const atoms = new Float32Array(K * hidden);
  const squares = new Float64Array(K);
  for (let h = 0; h < hidden; h++) {
    for (let k = 0, row = h * K; k < K; k++) {
      const value = phi[row + k];
      atoms[k * hidden + h] = value;
      squares[k] += value * value;
    }
  }
  const norms = Array.from(squares, Math.sqrt);
  const reject = (test: (norm: number) => boolean, problem: string, kind: 'non-finite' | 'zero-atom' | 'not-unit-norm') => {
    const bad = norms.flatMap((norm, k) => (test(norm) ? [k] : []));
    if (bad.length) {
      const first = bad[0];
      throw new DictionaryError(`cannot import ${path}: ${bad.length} of its ${K} columns ${problem} (first: column ${first}${kind === 'not-unit-norm' ? `, norm ${norms[first].toPrecision(5)}` : ''})`, kind);
    }
  };
  reject((n) => !Number.isFinite(n), 'hold NaN or infinite values', 'non-finite');
  reject((n) => n === 0, 'are all zeros (a dictionary atom must have unit norm)', 'zero-atom');
  reject((n) => Math.abs(n - 1) > RENORMALISE_TOLERANCE, `are not unit-norm (±${RENORMALISE_TOLERANCE}), as the paper's Φ columns are; is this array Φ?`, 'not-unit-norm');
  let renormalised = 0;
  for (let k = 0; k < K; k++) {
    // Atoms already unit-norm to float32 precision are left bit-exact, so export → import is lossless.
    if (Math.abs(norms[k] - 1) <= NOTICEABLY_OFF_NORM) continue;
    renormalised++;
    const atom = atoms.subarray(k * hidden, (k + 1) * hidden);
    const scale = 1 / norms[k];
    for (let h = 0; h < hidden; h++) atom[h] *= scale;
  }
  return { atoms, renormalised };
}
