import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseHfConfig, type HfConfig } from './hfConfig';

/** The files of a Hugging Face model folder that the engine reads. */
export interface HfModelFolder {
  dir: string;
  config: HfConfig;
  configPath: string;
  tokenizerPath: string;
  /** tokenizer_config.json, when the folder has one. */
  tokenizerConfigPath?: string;
  /** The full-precision ONNX graph: onnx/model.onnx, or model.onnx beside config.json. */
  onnxPath: string;
}

const ONNX_CANDIDATES = [join('onnx', 'model.onnx'), 'model.onnx'];

/** Whether a folder looks like a Hugging Face model (config.json and an ONNX graph) rather than the bundled layout. */
export function isHfModelFolder(dir: string): boolean {
  return existsSync(join(dir, 'config.json')) && !existsSync(join(dir, 'model-info.json'));
}

/** Finds and checks a Hugging Face model folder's files, or explains what is missing. */
export function readHfModelFolder(folder: string): HfModelFolder {
  const dir = resolve(folder);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`);
  const configPath = join(dir, 'config.json');
  const tokenizerPath = join(dir, 'tokenizer.json');
  const tokenizerConfigPath = join(dir, 'tokenizer_config.json');
  const onnx = ONNX_CANDIDATES.map((file) => join(dir, file)).find((path) => existsSync(path));
  const missing = [
    !existsSync(configPath) && 'config.json',
    !existsSync(tokenizerPath) && 'tokenizer.json',
    !onnx && 'onnx/model.onnx',
  ].filter(Boolean);
  if (missing.length) {
    throw new Error(`${dir} is not a Hugging Face model folder with an ONNX export: it lacks ${missing.join(', ')} ` +
      '(a Transformers.js-ready model, e.g. from the Hub\'s Xenova/ or onnx-community/ repositories, has them)');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(configPath, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${configPath}: ${(error as Error).message}`, { cause: error });
  }
  return {
    dir, config: parseHfConfig(parsed, configPath), configPath, tokenizerPath,
    tokenizerConfigPath: existsSync(tokenizerConfigPath) ? tokenizerConfigPath : undefined, onnxPath: onnx!,
  };
}

/** A folder's model id when it is not a Hub download: its folder name (a clone of `Xenova/bert-base-uncased` is `bert-base-uncased`). */
export function localModelId(dir: string): string {
  return basename(resolve(dir));
}
