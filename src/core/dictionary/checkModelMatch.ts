import type { ModelInfo } from '../model/modelInfo';
import type { DictionaryMetadata } from './dictionary';
import { DictionaryError } from './dictionaryError';

/** What a dictionary is checked against: a model's `ModelInfo`, or just its id and width. */
export type ModelIdentity = Pick<ModelInfo, 'id' | 'hiddenSize'> & { onnxSha256?: string };

/** Rejects a dictionary made for another model: another width, another id, or another build of it. */
export function checkModelMatch(path: string, metadata: DictionaryMetadata, hiddenSize: number, model: ModelIdentity): void {
  const made = metadata.model;
  const which = `dictionary "${metadata.name}" (${path})`;
  if (hiddenSize !== model.hiddenSize) {
    throw new DictionaryError(
      `${which} has ${hiddenSize}-wide atoms but model ${model.id} has ${model.hiddenSize}-wide hidden states: ` +
        `it was made for model ${made.id}; choose that model, or a dictionary made for ${model.id}`,
      'hidden-size',
    );
  }
  if (made.id !== model.id) {
    throw new DictionaryError(
      `${which} was made for model ${made.id}, not ${model.id}: choose model ${made.id}, ` +
        `or, if its atoms really describe ${model.id}'s hidden states, import its .npy again naming ${model.id}`,
      'wrong-model',
    );
  }
  if (made.onnxSha256 && model.onnxSha256 && made.onnxSha256 !== model.onnxSha256) {
    throw new DictionaryError(
      `${which} was made for a different build of model ${model.id} (model.onnx ${short(made.onnxSha256)}…, this one is ${short(model.onnxSha256)}…): ` +
        `its factors may not match these hidden states; rebuild the model it was made for (npm run build:model), or retrain the dictionary on this build`,
      'wrong-model-build',
    );
  }
}

const short = (sha: string) => sha.slice(0, 12);
