import { join } from 'node:path';
import type { ModelIdentity } from '../../dictionary/checkModelMatch';
import { readModelInfo } from '../modelInfo';
import { sha256Of } from './exposedModelCache';
import { isHfModelFolder, localModelId, readHfModelFolder } from './hfModelFolder';
import { hfLayerNames } from './loadHfModel';
import { readSourceMarker } from './sourceMarker';

/**
 * What a dictionary records about the model it belongs to (id, width, layers, graph hash),
 * read from a model folder without loading the model.
 */
export async function modelIdentity(dir: string, cacheDir: string): Promise<ModelIdentity & { layers: string[] }> {
  if (!isHfModelFolder(dir)) {
    const info = readModelInfo(dir);
    return { id: info.id, hiddenSize: info.hiddenSize, onnxSha256: info.onnxSha256, layers: info.layers };
  }
  const folder = readHfModelFolder(dir);
  return {
    id: readSourceMarker(folder.dir)?.hubId ?? localModelId(folder.dir),
    hiddenSize: folder.config.hiddenSize,
    onnxSha256: await sha256Of(folder.onnxPath, join(cacheDir, 'graphs')),
    layers: hfLayerNames(folder.config.layerCount),
  };
}
