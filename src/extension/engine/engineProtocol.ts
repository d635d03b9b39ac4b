// Messages between the extension host (EngineClient) and the engine worker (engineWorker.ts).
// Typed arrays in replies are transferred, not copied.
import type { SparseCodes } from '../../core/sparse/sparseCodes';

/** Character offsets [start, end) of the text to decompose first (what the editor shows). */
export interface TextRange {
  start: number;
  end: number;
}

export type EngineRequest =
  | { type: 'open'; id: number; modelDir: string; dictionaryPath: string; lambda?: number }
  | { type: 'decompose'; id: number; text: string; priority?: TextRange; batchSize?: number }
  | { type: 'abort'; id: number }
  | { type: 'close'; id: number };

/** What the host needs to know about the opened engine. */
export interface EngineSummary {
  modelId: string;
  layers: string[];
  atomCount: number;
  hiddenSize: number;
  lambda: number;
  dictionaryName: string;
  dictionaryPath: string;
}

/** Decomposed tokens [tokenStart, tokenEnd): one model window's own tokens. */
export interface DecomposedSpan {
  tokenStart: number;
  tokenEnd: number;
  /** Per layer: CSR rows, one per token of the span. */
  codes: SparseCodes[];
  /** Per layer: ‖x − Φα‖ / ‖x‖ per token of the span. */
  relativeResiduals: Float32Array[];
}

/** How a decomposition went: model windows in all, and how many were reused from earlier runs. */
export interface DecomposeStats {
  windows: number;
  cached: number;
}

export type EngineErrorKind = 'model' | 'dictionary' | 'catalog' | 'not-open' | 'aborted' | 'worker';

export interface SerializedEngineError {
  kind: EngineErrorKind;
  message: string;
  /** DictionaryError.problem, for dictionary errors. */
  problem?: string;
}

export type EngineReply =
  | { type: 'opened'; id: number; summary: EngineSummary }
  | { type: 'tokens'; id: number; ids: Uint32Array; starts: Uint32Array; ends: Uint32Array }
  | ({ type: 'span'; id: number; cached: boolean } & DecomposedSpan)
  | { type: 'done'; id: number; stats: DecomposeStats }
  | { type: 'closed'; id: number }
  | { type: 'failed'; id: number; error: SerializedEngineError };
