import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What `model-info.json` says about a model folder: enough to check a dictionary belongs to it. */
export interface ModelInfo {
  id: string;
  name: string;
  layers: string[];
  hiddenSize: number;
  maxLength: number;
  /** SHA-256 of model.onnx; dictionaries record it to detect a mismatched model. */
  onnxSha256: string;
  source: { package: string; version: string; files: Record<string, string> };
}

export function readModelInfo(modelDir: string): ModelInfo {
  const path = join(modelDir, 'model-info.json');
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`model folder ${modelDir} has no model-info.json: run \`npm run build:model\` to generate the bundled model`);
  }
  const info = JSON.parse(raw) as ModelInfo;
  if (!Array.isArray(info.layers) || !info.layers.length || !(info.hiddenSize > 0) || !(info.maxLength > 0)) {
    throw new Error(`${path} is malformed: it needs layers, hiddenSize and maxLength`);
  }
  return info;
}
