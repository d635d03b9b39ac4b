import * as ort from 'onnxruntime-node';
import { join } from 'node:path';
import type { HiddenStateEncoder } from './hiddenStateEncoder';
import { onnxSessionOptions } from './onnx/sessionOptions';
import { readModelInfo, type ModelInfo } from './modelInfo';

export interface EncoderOptions {
  /** Threads ONNX Runtime may use inside one run (default: its own choice). */
  intraOpThreads?: number;
}

/** Runs a model folder's ONNX graph: token id sequences in, every layer's hidden states out. */
export class OnnxEncoder implements HiddenStateEncoder {
  private constructor(
    private readonly session: ort.InferenceSession,
    readonly info: ModelInfo,
  ) {}

  static async load(modelDir: string, options: EncoderOptions = {}): Promise<OnnxEncoder> {
    const info = readModelInfo(modelDir);
    const sessionOptions = onnxSessionOptions(options.intraOpThreads);
    let session: ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(join(modelDir, 'model.onnx'), sessionOptions);
    } catch (error) {
      throw new Error(`cannot load ${join(modelDir, 'model.onnx')}: ${(error as Error).message}`, { cause: error });
    }
    const missing = info.layers.filter((l) => !session.outputNames.includes(l));
    if (missing.length) throw new Error(`model.onnx in ${modelDir} lacks the layer outputs ${missing.join(', ')} named by model-info.json`);
    return new OnnxEncoder(session, info);
  }

  /**
   * Encodes sequences (each at most `info.maxLength` ids) as one padded batch.
   * Returns, per sequence and per layer, a row-major [length × hiddenSize] matrix.
   */
  async run(sequences: number[][]): Promise<Float32Array[][]> {
    const { maxLength, hiddenSize, layers } = this.info;
    const width = Math.max(1, ...sequences.map((s) => s.length));
    if (width > maxLength) throw new Error(`a sequence of ${width} tokens exceeds the model's window of ${maxLength}`);
    const ids = new BigInt64Array(sequences.length * width);
    const mask = new BigInt64Array(sequences.length * width);
    sequences.forEach((sequence, s) => sequence.forEach((id, p) => {
      ids[s * width + p] = BigInt(id);
      mask[s * width + p] = 1n;
    }));
    const dims = [sequences.length, width];
    const outputs = await this.session.run({ input_ids: new ort.Tensor('int64', ids, dims), attention_mask: new ort.Tensor('int64', mask, dims) });
    const byLayer = layers.map((name) => outputs[name].data as Float32Array);
    return sequences.map((sequence, s) =>
      byLayer.map((data) => data.slice(s * width * hiddenSize, (s * width + sequence.length) * hiddenSize)));
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}
