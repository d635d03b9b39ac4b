import { basename } from 'node:path';
import { fileStemFor } from '../../core/dictionary/fileStemFor';
import { parsePaperFileName } from '../../core/dictionary/paperFileName';
import { PAPER_DEFAULT_LAMBDA, type PaperImportOptions } from '../../core/dictionary/paperNpy';
import type { ModelInfo } from '../../core/model/modelInfo';

// The answers the import command asks for, checked here so the checks can be tested without the editor.

export type BundledModel = Pick<ModelInfo, 'id' | 'name' | 'hiddenSize' | 'layers' | 'onnxSha256'>;

export interface ModelChoice {
  kind: 'bundled' | 'other';
  label: string;
  description: string;
  detail: string;
}

/** Φ as stored by TransformerVis is [hidden, K]; anything else cannot be a dictionary. */
export function phiShape(shape: readonly number[], path: string): { hidden: number; atoms: number } | { error: string } {
  if (shape.length !== 2) return { error: `${basename(path)} has shape (${shape.join(', ')}); a dictionary Φ is 2-D, [hidden, K]` };
  return { hidden: shape[0], atoms: shape[1] };
}

/** The bundled model first when Φ fits its hidden states, with the reason when it does not. */
export function modelChoices(phi: { hidden: number; atoms: number }, bundled: BundledModel): ModelChoice[] {
  const fits = phi.hidden === bundled.hiddenSize;
  const transposed = !fits && phi.atoms === bundled.hiddenSize;
  const bundledChoice: ModelChoice = {
    kind: 'bundled',
    label: `${bundled.id} (bundled)`,
    description: bundled.name,
    detail: fits
      ? `Φ is [${phi.hidden}, ${phi.atoms}]: ${phi.atoms} atoms over its ${bundled.hiddenSize}-wide hidden states, usable in the editor`
      : `Does not fit: Φ is [${phi.hidden}, ${phi.atoms}] but its hidden states are ${bundled.hiddenSize}-wide${transposed ? ' (the file looks transposed)' : ''}`,
  };
  const other: ModelChoice = {
    kind: 'other',
    label: 'Another model…',
    description: `${phi.hidden}-wide hidden states`,
    detail: 'Type the model’s id (e.g. bert-base-uncased); the dictionary is listed but cannot decompose text with the bundled model',
  };
  return fits ? [bundledChoice, other] : [other, bundledChoice];
}

/** Why a typed model id cannot be used, or undefined when it can. */
export function modelIdProblem(text: string, phi: { hidden: number }, bundled: BundledModel | undefined): string | undefined {
  const id = text.trim();
  if (!id) return 'Type the id of the model whose hidden states Φ describes';
  if (id.length > 200) return 'A model id has at most 200 characters';
  if (!/^[\w.\-/:@+]+$/u.test(id)) return 'A model id is one word: letters, digits and . - _ / : @ +';
  if (bundled && id === bundled.id && phi.hidden !== bundled.hiddenSize) {
    return `${bundled.id} is the bundled model, whose hidden states are ${bundled.hiddenSize}-wide, but Φ has ${phi.hidden} rows`;
  }
  return undefined;
}

/** The model identity the dictionary is filed under; the bundled one when its id is typed. */
export function importModel(choice: { kind: 'bundled' } | { kind: 'other'; id: string }, phi: { hidden: number }, bundled: BundledModel | undefined): PaperImportOptions['model'] {
  if (bundled && (choice.kind === 'bundled' || choice.id.trim() === bundled.id)) {
    return { id: bundled.id, hiddenSize: bundled.hiddenSize, onnxSha256: bundled.onnxSha256, layers: bundled.layers };
  }
  if (choice.kind === 'bundled') throw new Error('the bundled model is not built');
  return { id: choice.id.trim(), hiddenSize: phi.hidden };
}

/** λ from the file name (`_reg0.23_`) if it says, else the paper's default. */
export function suggestedLambda(npyPath: string): number {
  return parsePaperFileName(basename(npyPath)).lambda ?? PAPER_DEFAULT_LAMBDA;
}

/** λ as typed, or why it is not one. */
export function parseLambda(text: string): { lambda: number } | { error: string } {
  const trimmed = text.trim();
  const lambda = Number(trimmed);
  if (!trimmed || !Number.isFinite(lambda)) return { error: 'λ is a number, e.g. 0.3 (the paper’s default)' };
  if (lambda < 0) return { error: 'λ cannot be negative' };
  if (lambda === 0) return { error: 'λ = 0 means no sparsity: every factor would be active on every token' };
  return { lambda };
}

export function suggestedName(npyPath: string): string {
  return basename(npyPath).replace(/\.npy$/i, '');
}

/** Why a dictionary name cannot be used (empty, or its file would replace an imported one). */
export function dictionaryNameProblem(name: string, existingIds: Iterable<string>): string | undefined {
  if (!name.trim()) return 'Give the dictionary a name';
  const id = `imported:${fileStemFor(name.trim())}`;
  for (const existing of existingIds) {
    if (existing === id) return `A dictionary stored as ${id} is already imported: choose another name, or remove that one first`;
  }
  return undefined;
}
