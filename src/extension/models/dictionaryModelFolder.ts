import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUNDLED_MODEL_ID, bundledModelDir } from '../../core/model/bundledModel';
import { isHfModelFolder, localModelId } from '../../core/model/hf/hfModelFolder';
import { hubModelDir, isDownloaded } from '../../core/model/hf/hub/hubDownload';
import { isHubModelId } from '../../core/model/hf/hub/hubModelId';
import { readSourceMarker } from '../../core/model/hf/sourceMarker';
import type { ModelChoice } from './modelSetting';

/**
 * The folder of the model a dictionary was made for (its header's model id), so the engine
 * opens the right model: the bundled one, a Hub model in the cache, or the configured local
 * folder when its id matches. Nothing is downloaded here.
 */
export function modelFolderFor(modelId: string, options: { cacheDir: string; configured: ModelChoice }): { dir: string } | { problem: string } {
  if (modelId === BUNDLED_MODEL_ID) return { dir: bundledModelDir() };
  const hubDir = join(options.cacheDir, 'hub');
  if (isHubModelId(modelId) && isDownloaded(hubDir, modelId)) return { dir: hubModelDir(hubDir, modelId) };
  const { configured } = options;
  if (configured.kind === 'folder') {
    const dir = resolve(configured.path);
    if (existsSync(dir) && isHfModelFolder(dir) && (readSourceMarker(dir)?.hubId ?? localModelId(dir)) === modelId) return { dir };
  }
  return {
    problem: `this dictionary is for model ${modelId}, which is not available: ` + (isHubModelId(modelId)
      ? `get it with "Use Model from Hugging Face Hub…" (${modelId}), or choose its folder with "Use Local Model Folder…"`
      : `choose its folder with "Use Local Model Folder…"`),
  };
}
