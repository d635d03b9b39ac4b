import type { ModelInfo } from './modelInfo';

/**
 * What the engine needs of a model's ONNX runner, whatever the model: the bundled one
 * (OnnxEncoder) or a Hugging Face folder (HfEncoder).
 */
export interface HiddenStateEncoder {
  readonly info: ModelInfo;
  /**
   * Encodes token id sequences (each at most `info.maxLength` ids) as one batch. Returns, per
   * sequence and per layer of `info.layers`, a row-major [length × hiddenSize] matrix.
   */
  run(sequences: number[][]): Promise<Float32Array[][]>;
  dispose(): Promise<void>;
}
