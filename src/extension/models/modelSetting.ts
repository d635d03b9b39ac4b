import { BUNDLED_MODEL_ID } from '../../core/model/bundledModel';
import { isHubModelId } from '../../core/model/hf/hub/hubModelId';

/** The `transformerFactors.model` setting: which model dictionaries are trained for. */
export const MODEL_SETTING = 'model';

export type ModelChoice =
  | { kind: 'bundled' }
  | { kind: 'hub'; id: string }
  | { kind: 'folder'; path: string };

/** Reads the setting as typed by the user: empty (or the bundled id) for the bundled model, a Hub id, or a folder path. */
export function parseModelSetting(value: unknown): ModelChoice {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text || text === BUNDLED_MODEL_ID) return { kind: 'bundled' };
  const looksLikePath = /^(?:[./~\\]|[A-Za-z]:[\\/])/.test(text) || text.includes('\\') || text.split('/').length > 2;
  return !looksLikePath && isHubModelId(text) ? { kind: 'hub', id: text } : { kind: 'folder', path: text };
}

/** The value the model source resolver takes (see resolveModelSource). */
export function modelSpec(choice: ModelChoice): string {
  return choice.kind === 'bundled' ? '' : choice.kind === 'hub' ? choice.id : choice.path;
}

export function modelLabel(choice: ModelChoice): string {
  if (choice.kind === 'bundled') return `${BUNDLED_MODEL_ID} (bundled)`;
  return choice.kind === 'hub' ? `${choice.id} (Hugging Face Hub)` : `${choice.path} (local folder)`;
}
