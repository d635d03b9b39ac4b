import * as ort from 'onnxruntime-node';
import type { HiddenStateEncoder } from '../hiddenStateEncoder';
import { onnxSessionOptions } from '../onnx/sessionOptions';
import type { ModelInfo } from '../modelInfo';
import type { ExposedModel } from './exposedModelCache';
import { graphFeeds } from './graphFeeds';

/** The special tokens the model expects around every sequence, as its tokenizer adds them. */
export interface SequenceFrame {
  prefix: number[];
  suffix: number[];
  padId: number;
}

/**
 * Runs a rewritten Hugging Face graph (see exposeLayers): wraps each sequence in the model's
 * special tokens ([CLS] … [SEP], <s> … </s>, or nothing for GPT-2), pads the batch, and returns
 * the hidden states of the sequence's own tokens at every layer.
 */
export class HfEncoder implements HiddenStateEncoder {
  private constructor(
    private readonly session: ort.InferenceSession,
    readonly info: ModelInfo,
    private readonly exposed: ExposedModel,
    private readonly frame: SequenceFrame,
  ) {}

  static async load(exposed: ExposedModel, info: ModelInfo, frame: SequenceFrame, options: { intraOpThreads?: number } = {}): Promise<HfEncoder> {
    const sessionOptions = onnxSessionOptions(options.intraOpThreads);
    let session: ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(exposed.path, sessionOptions);
    } catch (error) {
      throw new Error(`cannot load the rewritten graph of ${info.id} (${exposed.path}): ${(error as Error).message}`, { cause: error });
    }
    return new HfEncoder(session, info, exposed, frame);
  }

  async run(sequences: number[][]): Promise<Float32Array[][]> {
    const { maxLength, hiddenSize: d } = this.info;
    const { prefix, suffix, padId } = this.frame;
    const longest = Math.max(0, ...sequences.map((s) => s.length));
    if (longest > maxLength) throw new Error(`a sequence of ${longest} tokens exceeds the model's window of ${maxLength}`);
    const width = prefix.length + longest + suffix.length;
    const ids = new Array<number>(sequences.length * width).fill(padId);
    const mask = new Array<number>(sequences.length * width).fill(0);
    sequences.forEach((sequence, s) => {
      [...prefix, ...sequence, ...suffix].forEach((id, p) => {
        ids[s * width + p] = id;
        mask[s * width + p] = 1;
      });
    });
    const outputs = await this.session.run(graphFeeds(this.exposed.inputs, { ids, mask, batch: sequences.length, width }), this.exposed.outputs);
    const byLayer = this.exposed.outputs.map((name) => {
      const data = outputs[name].data;
      if (!(data instanceof Float32Array)) throw new Error(`layer output ${name} is not float32`);
      return data;
    });
    return sequences.map((sequence, s) => byLayer.map((data) => {
      const first = s * width + prefix.length;
      return data.slice(first * d, (first + sequence.length) * d);
    }));
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}
