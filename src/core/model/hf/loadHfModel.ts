import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LoadedModel } from '../loadedModel';
import type { ModelInfo } from '../modelInfo';
import { exposedModelFor } from './exposedModelCache';
import { HfEncoder } from './hfEncoder';
import { localModelId, readHfModelFolder } from './hfModelFolder';
import { defaultModelCacheDir } from './modelCacheDir';
import { readSourceMarker } from './sourceMarker';
import { HfTokenizer } from './tokenize/hfTokenizer';

export interface HfLoadOptions {
  /** Where rewritten graphs are cached (default: defaultModelCacheDir()). */
  cacheDir?: string;
  intraOpThreads?: number;
  /**
   * Longest window of tokens (special tokens included) the model is run on: attention costs
   * grow with its square, and a window's states for all layers are held at once.
   */
  maxWindow?: number;
}

export const DEFAULT_MAX_WINDOW = 256;

/** Layer names: `embeddings`, then `layer1` … `layerN`, the index Hugging Face's hidden_states use. */
export function hfLayerNames(blocks: number): string[] {
  return ['embeddings', ...Array.from({ length: blocks }, (_, i) => `layer${i + 1}`)];
}

/**
 * Loads a Hugging Face model folder (config.json, tokenizer.json, onnx/model.onnx) as the engine
 * uses models: its tokenizer with exact offsets, and its graph rewritten to output every layer.
 * Its id is the Hub repository it was downloaded from, else the folder's name.
 */
export async function loadHfModel(dir: string, options: HfLoadOptions = {}): Promise<LoadedModel> {
  const folder = readHfModelFolder(dir);
  const { config } = folder;
  const tokenizer = await HfTokenizer.load(folder);
  const exposed = await exposedModelFor(folder.onnxPath, config.layerCount, options.cacheDir ?? defaultModelCacheDir());
  const { prefix, suffix } = tokenizer.frame;
  const window = Math.min(options.maxWindow ?? DEFAULT_MAX_WINDOW, config.maxPositions, tokenizer.maxLength);
  const marker = readSourceMarker(folder.dir);
  const info: ModelInfo = {
    id: marker?.hubId ?? localModelId(folder.dir),
    name: `${config.modelType} · ${config.layerCount} layers · ${config.hiddenSize} wide (${marker ? 'Hugging Face Hub' : 'local folder'}, ${exposed.placement})`,
    layers: hfLayerNames(config.layerCount),
    hiddenSize: config.hiddenSize,
    maxLength: window - prefix.length - suffix.length,
    onnxSha256: exposed.sourceSha256,
    source: {
      package: marker ? `huggingface.co/${marker.hubId}` : folder.dir,
      version: marker?.revision ?? 'local',
      files: {
        'config.json': fileSha256(folder.configPath),
        'tokenizer.json': fileSha256(folder.tokenizerPath),
        [folder.onnxPath.slice(folder.dir.length + 1).replaceAll('\\', '/')]: exposed.sourceSha256,
      },
    },
  };
  if (info.maxLength < 1) throw new Error(`${folder.dir}: a window of ${window} positions leaves no room for text`);
  const encoder = await HfEncoder.load(exposed, info, tokenizer.frame, { intraOpThreads: options.intraOpThreads });
  return { info, tokenizer, encoder };
}

function fileSha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
