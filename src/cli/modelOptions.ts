import { defaultModelCacheDir } from '../core/model/hf/modelCacheDir';
import { resolveModelSource, type ResolvedModel } from '../core/model/hf/modelSource';
import { ProgressBar } from './progressBar';

/** Options every command takes: which model, whether it may be downloaded, where models are cached. */
export const MODEL_OPTIONS = {
  model: { type: 'string' },
  'allow-network': { type: 'boolean' },
  'cache-dir': { type: 'string' },
} as const;

export const MODEL_USAGE = '[--model ID_OR_DIR] [--allow-network] [--cache-dir DIR]';

export const MODEL_HELP = [
  'model options (every command):',
  '  --model ID_OR_DIR   a Hugging Face model: a Hub id (e.g. Xenova/bert-base-uncased) or a folder with',
  '                      config.json, tokenizer.json and onnx/model.onnx; default: the bundled USE-Lite',
  '  --allow-network     allow downloading a Hub model that is not in the cache yet (nothing is sent otherwise)',
  `  --cache-dir DIR     where downloads and rewritten graphs are kept (default: $TRANSFORMER_FACTORS_CACHE or ${defaultModelCacheDir()})`,
].join('\n');

export function cacheDirOf(values: Record<string, string | boolean | undefined>): string {
  return typeof values['cache-dir'] === 'string' ? values['cache-dir'] : defaultModelCacheDir();
}

/** The folder of the model the options name, downloading it (with a progress bar on stderr) only if allowed. */
export async function resolveCliModel(values: Record<string, string | boolean | undefined>): Promise<ResolvedModel> {
  const bar = new ProgressBar();
  try {
    return await resolveModelSource(typeof values.model === 'string' ? values.model : undefined, {
      allowNetwork: values['allow-network'] === true,
      cacheDir: cacheDirOf(values),
      howToAllowNetwork: 'add --allow-network to download it once (later runs use the copy in the cache)',
      onProgress: (p) => bar.update(p.fraction, `downloading ${p.file} · ${(p.loaded / 1e6).toFixed(1)} of ${(p.total / 1e6).toFixed(1)} MB · ${p.filesDone}/${p.files} files`),
    });
  } finally {
    bar.done();
  }
}
