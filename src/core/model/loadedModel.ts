import { join } from 'node:path';
import { OnnxEncoder, type EncoderOptions } from './onnxEncoder';
import { ModelTokenizer } from '../tokenize/modelTokenizer';
import type { TextTokenizer } from '../tokenize/textTokenizer';
import type { HiddenStateEncoder } from './hiddenStateEncoder';
import { isHfModelFolder } from './hf/hfModelFolder';
import { loadHfModel, type HfLoadOptions } from './hf/loadHfModel';
import type { ModelInfo } from './modelInfo';

/** A model folder made ready to use: its description, tokenizer and ONNX encoder. */
export interface LoadedModel {
  info: ModelInfo;
  tokenizer: TextTokenizer;
  encoder: HiddenStateEncoder;
}

/** Loads the bundled layout (model-info.json, model.onnx) or a Hugging Face folder (config.json, onnx/model.onnx). */
export async function loadModel(modelDir: string, options: EncoderOptions & HfLoadOptions = {}): Promise<LoadedModel> {
  if (isHfModelFolder(modelDir)) return loadHfModel(modelDir, options);
  const encoder = await OnnxEncoder.load(modelDir, options);
  const tokenizer = await ModelTokenizer.load(join(modelDir, 'tokenizer.json'));
  return { info: encoder.info, tokenizer, encoder };
}
