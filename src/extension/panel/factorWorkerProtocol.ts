// Messages between the panel's host side (FactorWorkerClient) and its worker thread
// (factorWorker.ts), which runs attribution and workspace scans away from the editor's engine
// worker so that neither waits for the other.
import type { FactorHit } from '../../core/search/scanFactor';

export interface WorkerSources {
  modelDir: string;
  dictionaryPath: string;
  lambda?: number;
}

export type FactorWorkerRequest =
  | ({ type: 'open'; id: number } & WorkerSources)
  | { type: 'attribute'; id: number; text: string; offset: number; factor: number; layer: number }
  | { type: 'scan'; id: number; text: string; factor: number; layer: number; limit: number }
  | { type: 'abort'; id: number }
  | { type: 'close'; id: number };

export interface AttributionReply {
  /** The model window's tokens, as character offsets into the text. */
  starts: number[];
  ends: number[];
  /** Index of the explained token among them. */
  target: number;
  baseline: number;
  scores: number[];
}

export type FactorWorkerReply =
  | { type: 'opened'; id: number }
  | { type: 'progress'; id: number; done: number; total: number }
  | ({ type: 'attributed'; id: number } & AttributionReply)
  | { type: 'scanned'; id: number; hits: FactorHit[]; tokens: number }
  | { type: 'closed'; id: number }
  | { type: 'failed'; id: number; message: string; aborted: boolean };
