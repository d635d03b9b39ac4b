/**
 * A dictionary Φ of transformer factors: `atomCount` unit-norm atoms of `hiddenSize` values,
 * stored atom-major (atom k is `atoms.subarray(k * hiddenSize, (k + 1) * hiddenSize)`), i.e.
 * Φᵀ in row-major order. The paper's .npy files hold Φ as [hidden, K]; import/export transposes.
 */
export interface Dictionary {
  atoms: Float32Array;
  atomCount: number;
  hiddenSize: number;
}

/** What a dictionary file records besides Φ, so it can be checked against a model and reproduced. */
export interface DictionaryMetadata {
  formatVersion: number;
  /** A short name shown in the editor, e.g. "use-lite-brown-k1024". */
  name: string;
  model: { id: string; onnxSha256?: string; hiddenSize: number };
  /** The layers the dictionary was trained on (it is shared by all of them). */
  layers: string[];
  atomCount: number;
  /** λ used in training; the default λ for decomposing. */
  lambda: number;
  training?: {
    corpus: string;
    seed?: number;
    command?: string;
    dataVersion?: string;
    tokens?: number;
    epochs?: number;
    seconds?: number;
  };
  createdAt: string;
  /** Where it came from when imported (e.g. a TransformerVis .npy), in words. */
  importedFrom?: string;
  /** How an import's settings were found, so the editor can flag a λ that was only a default. */
  importDetails?: {
    format: 'transformervis-npy';
    file: string;
    lambdaFrom: 'given' | 'file name' | 'paper default';
    /** Atoms rescaled to unit norm on import: their norm was off 1 by more than 1e-4 (and less than 1e-2). */
    renormalisedAtoms: number;
  };
}
