// Messages between the extension host (ModelJobClient) and the model-jobs worker (modelWorker.ts):
// preparing a model (download, graph rewrite, load check) and training a dictionary.
import type { TrainingProgress } from '../../core/learn/trainDictionary';
import type { LayerQuality } from '../../core/learn/evaluateDictionary';
import type { DownloadProgress } from '../../core/model/hf/hub/downloadProgress';
import type { CorpusDocument } from '../../core/corpus/textCorpus';

export interface PrepareRequest {
  /** A Hub id, a folder path, or '' for the bundled model. */
  spec: string;
  allowNetwork: boolean;
  cacheDir: string;
}

export interface PreparedModel {
  kind: 'bundled' | 'folder' | 'hub';
  id: string;
  dir: string;
  layers: string[];
  hiddenSize: number;
  downloaded: boolean;
}

export type TrainingCorpus =
  | { kind: 'brown' }
  | { kind: 'folder'; dir: string }
  | { kind: 'documents'; name: string; documents: CorpusDocument[] };

export interface TrainingPlan {
  modelSpec: string;
  cacheDir: string;
  corpus: TrainingCorpus;
  outPath: string;
  name: string;
  atomCount: number;
  lambda: number;
  seed: number;
  epochs: number;
  /** Texts to learn from (0: all). */
  sentences: number;
  catalogSentences: number;
  evaluationSentences: number;
  resume: boolean;
  intraOpThreads?: number;
}

export interface TrainedDictionary {
  outPath: string;
  catalogPath: string;
  quality: LayerQuality[];
  seconds: number;
}

export type ModelJobRequest =
  | ({ type: 'prepare'; id: number } & PrepareRequest)
  | { type: 'train'; id: number; plan: TrainingPlan }
  | { type: 'cancel'; id: number };

export interface SerializedJobError {
  message: string;
  /** 'network-not-allowed', 'cancelled', or undefined. */
  code?: string;
}

export type ModelJobReply =
  | { type: 'download'; id: number; progress: DownloadProgress }
  | { type: 'stage'; id: number; stage: string; detail: string }
  | { type: 'training'; id: number; progress: TrainingProgress }
  | { type: 'catalog'; id: number; done: number; total: number }
  | { type: 'prepared'; id: number; model: PreparedModel }
  | { type: 'trained'; id: number; result: TrainedDictionary }
  | { type: 'failed'; id: number; error: SerializedJobError };
