import { join } from 'node:path';
import { OnnxEncoder, type EncoderOptions } from './onnxEncoder';
import { ModelTokenizer } from '../tokenize/modelTokenizer';
import type { ModelInfo } from './modelInfo';

/** A model folder made ready to use: its description, tokenizer and ONNX encoder. */
export interface LoadedModel {
  info: ModelInfo;
  tokenizer: ModelTokenizer;
  encoder: OnnxEncoder;
}

export async function loadModel(modelDir: string, options: EncoderOptions = {}): Promise<LoadedModel> {
  const encoder = await OnnxEncoder.load(modelDir, options);
  const tokenizer = await ModelTokenizer.load(join(modelDir, 'tokenizer.json'));
  return { info: encoder.info, tokenizer, encoder };
}
