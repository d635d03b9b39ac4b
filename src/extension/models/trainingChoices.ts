import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DICTIONARY_EXTENSION } from '../../core/dictionary/dictionaryFormat';
import { fileStemFor } from '../../core/dictionary/fileStemFor';
import { PAPER_DEFAULT_LAMBDA } from '../../core/dictionary/paperNpy';
import { checkpointPaths } from '../../core/learn/checkpoint';
import { BUNDLED_MODEL_ID } from '../../core/model/bundledModel';

// The answers the Train Dictionary command asks for, checked here so they can be tested without the editor.

export type CorpusKind = 'brown' | 'workspace' | 'folder';

/** K: the paper used 2000 atoms for BERT-base (768 wide); the bundled dictionary has 1024 for 512. */
export function defaultAtomCount(hiddenSize: number): number {
  return hiddenSize >= 768 ? 2000 : 1024;
}

/** λ: the bundled model's residual stream is large-valued (its dictionary uses 10); others get the paper's 0.3. */
export function defaultLambda(modelId: string): number {
  return modelId === BUNDLED_MODEL_ID ? 10 : PAPER_DEFAULT_LAMBDA;
}

export function atomCountProblem(text: string): string | undefined {
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value < 8 || value > 20_000) return 'A whole number of factors from 8 to 20000';
  return undefined;
}

export function lambdaProblem(text: string): string | undefined {
  const value = Number(text.trim());
  if (!text.trim() || !Number.isFinite(value) || value <= 0) return 'A positive number, e.g. 0.3';
  return undefined;
}

/** A dictionary name from the model, corpus and K: "bert-base-uncased-brown-k2000". */
export function dictionaryName(modelId: string, corpus: CorpusKind, atomCount: number): string {
  return fileStemFor(`${modelId.split('/').pop()}-${corpus}-k${atomCount}`);
}

/**
 * Where a training run writes: `<folder>/<name>.tfdict`. A run interrupted before (its
 * checkpoint is there) can be resumed at the same path; otherwise a finished dictionary of the
 * same name is not overwritten: -2, -3… is added.
 */
export function trainingTarget(folder: string, name: string): { outPath: string; name: string; resumable: boolean } {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name}-${n}`;
    const outPath = join(folder, candidate + DICTIONARY_EXTENSION);
    const resumable = existsSync(checkpointPaths(outPath).state) && existsSync(checkpointPaths(outPath).dictionary);
    if (resumable || !existsSync(outPath)) return { outPath, name: candidate, resumable };
  }
}
