import { basename } from 'node:path';
import { readNpy, writeNpy } from '../io/npy';
import type { Dictionary, DictionaryMetadata } from './dictionary';
import { DictionaryError } from './dictionaryError';
import { DICTIONARY_FORMAT_VERSION } from './dictionaryFile';

/** The paper's default λ ("reg"), used when the file name does not say. */
export const PAPER_DEFAULT_LAMBDA = 0.3;
const RENORMALISE_TOLERANCE = 0.05;

/**
 * Reads a TransformerVis dictionary: numpy float32 Φ of shape [hidden, K], e.g.
 * `bert-base-uncased_reg0.23_d2000_epoch2.npy`. The model is the user's to name; λ and K are
 * read from the file name when it carries them.
 */
export function importPaperNpy(
  npyPath: string,
  options: { model: { id: string; hiddenSize: number; onnxSha256?: string }; layers: string[]; lambda?: number; name?: string },
): { dictionary: Dictionary; metadata: DictionaryMetadata } {
  let npy;
  try {
    npy = readNpy(npyPath);
  } catch (error) {
    throw new DictionaryError(`cannot import ${npyPath}: ${(error as Error).message}`, { cause: error });
  }
  const { model } = options;
  if (npy.shape.length !== 2) throw new DictionaryError(`${npyPath} has shape (${npy.shape.join(', ')}); a dictionary is 2-D [hidden, K]`);
  const [hidden, K] = npy.shape;
  if (hidden !== model.hiddenSize) {
    const hint = K === model.hiddenSize ? ' — it looks transposed: save Φ with shape [hidden, K] (numpy: np.save(path, phi.T))' : '';
    throw new DictionaryError(`${npyPath} has ${hidden} rows but model ${model.id} has ${model.hiddenSize}-wide hidden states${hint}`);
  }
  const atoms = new Float32Array(K * hidden);
  for (let h = 0; h < hidden; h++) for (let k = 0; k < K; k++) atoms[k * hidden + h] = npy.data[h * K + k];
  for (let k = 0; k < K; k++) {
    let squares = 0;
    for (let h = 0; h < hidden; h++) squares += atoms[k * hidden + h] ** 2;
    const norm = Math.sqrt(squares);
    if (!Number.isFinite(norm)) throw new DictionaryError(`${npyPath}: column ${k} holds NaN or infinite values`);
    if (norm === 0) throw new DictionaryError(`${npyPath}: column ${k} is all zeros`);
    if (Math.abs(norm - 1) > RENORMALISE_TOLERANCE) throw new DictionaryError(`${npyPath}: column ${k} has norm ${norm.toFixed(3)}; the paper's dictionaries have unit-norm columns`);
    for (let h = 0; h < hidden; h++) atoms[k * hidden + h] /= norm;
  }
  const fileName = basename(npyPath);
  const namedLambda = /reg([0-9.]+?)(?:_|\.npy$)/.exec(fileName)?.[1];
  const lambda = options.lambda ?? (namedLambda ? Number(namedLambda) : PAPER_DEFAULT_LAMBDA);
  return {
    dictionary: { atoms, atomCount: K, hiddenSize: hidden },
    metadata: {
      formatVersion: DICTIONARY_FORMAT_VERSION,
      name: options.name ?? fileName.replace(/\.npy$/, ''),
      model: { id: model.id, hiddenSize: model.hiddenSize, onnxSha256: model.onnxSha256 },
      layers: options.layers,
      atomCount: K,
      lambda,
      createdAt: new Date().toISOString(),
      importedFrom: `${fileName} (TransformerVis .npy; λ ${options.lambda !== undefined ? 'given' : namedLambda ? 'from the file name' : `not stated, paper default ${PAPER_DEFAULT_LAMBDA}`})`,
    },
  };
}

/** Writes Φ as the paper stores it: float32 [hidden, K], what numpy.load returns. */
export function exportPaperNpy(dictionary: Dictionary, outPath: string): void {
  const { atoms, atomCount: K, hiddenSize: d } = dictionary;
  const phi = new Float32Array(d * K);
  for (let k = 0; k < K; k++) for (let h = 0; h < d; h++) phi[h * K + k] = atoms[k * d + h];
  writeNpy(outPath, [d, K], phi);
}
