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
  /** Where it came from when imported (e.g. a TransformerVis .npy). */
  importedFrom?: string;
}
