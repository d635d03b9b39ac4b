import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { DictionaryMetadata } from '../dictionary/dictionary';
import { readDictionaryFile, writeDictionaryFile } from '../dictionary/dictionaryFile';
import type { LearnerState } from './dictionaryLearner';
import type { TrainingSnapshot } from './trainDictionary';

/** A training run's checkpoint: `<out>.checkpoint.tfdict` (Φ) and `<out>.checkpoint.json` (the rest). */
export function checkpointPaths(outPath: string): { dictionary: string; state: string } {
  const base = outPath.replace(/\.tfdict$/, '');
  return { dictionary: `${base}.checkpoint.tfdict`, state: `${base}.checkpoint.json` };
}

interface CheckpointState {
  state: LearnerState;
  epoch: number;
  textIndex: number;
  tokens: number;
  /** The options the run was started with: a resume must use the same ones. */
  settings: Record<string, unknown>;
}

export function saveCheckpoint(outPath: string, snapshot: TrainingSnapshot, metadata: DictionaryMetadata, settings: Record<string, unknown>): void {
  const paths = checkpointPaths(outPath);
  // Write-then-rename so an interrupted save never leaves a half-written checkpoint.
  writeDictionaryFile(paths.dictionary + '.tmp', snapshot.dictionary, metadata);
  const state: CheckpointState = { state: snapshot.state, epoch: snapshot.epoch, textIndex: snapshot.textIndex, tokens: snapshot.tokens, settings };
  writeFileSync(paths.state + '.tmp', JSON.stringify(state));
  renameSync(paths.dictionary + '.tmp', paths.dictionary);
  renameSync(paths.state + '.tmp', paths.state);
}

export function loadCheckpoint(outPath: string, settings: Record<string, unknown>): TrainingSnapshot | undefined {
  const paths = checkpointPaths(outPath);
  if (!existsSync(paths.state) || !existsSync(paths.dictionary)) return undefined;
  const saved = JSON.parse(readFileSync(paths.state, 'utf8')) as CheckpointState;
  const differing = Object.keys(settings).filter((key) => JSON.stringify(saved.settings[key]) !== JSON.stringify(settings[key]));
  if (differing.length) {
    throw new Error(`the checkpoint at ${paths.state} was made with different ${differing.join(', ')} (${differing.map((k) => `${k}=${JSON.stringify(saved.settings[k])}`).join(', ')}); use the same settings to resume, or delete the checkpoint`);
  }
  const { dictionary } = readDictionaryFile(paths.dictionary);
  return { dictionary, state: saved.state, epoch: saved.epoch, textIndex: saved.textIndex, tokens: saved.tokens };
}
