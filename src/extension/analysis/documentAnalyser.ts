import type { DocumentDecomposition } from '../../core/decompose/documentDecomposition';
import type { DecomposeOptions } from '../engine/engineClient';
import { EngineError, isAbort } from '../engine/engineError';
import type { TextRange } from '../engine/engineProtocol';
import type { PartialDecomposition } from '../engine/partialDecomposition';
import { LruMap } from './lruMap';

/** The engine as the analyser uses it; `generation` changes whenever another dictionary or λ is opened. */
export interface AnalysisEngine {
  readonly generation: number;
  decompose(text: string, options: DecomposeOptions): Promise<DocumentDecomposition>;
}

/** A document as the analyser sees it: read lazily, since reading the text of a large document costs. */
export interface AnalysedDocument {
  /** The document's URI as a string. */
  key: string;
  version: number;
  text(): string;
  /** Characters to decompose first (what the editor shows). */
  priority?(): TextRange | undefined;
}

export type AnalysisState = 'running' | 'done' | 'failed' | 'cancelled';

/** One version of one document's decomposition, filling up while it runs. */
export interface DocumentAnalysis {
  key: string;
  version: number;
  generation: number;
  state: AnalysisState;
  /** Undefined until the worker has tokenized the text. */
  partial?: PartialDecomposition;
  error?: EngineError;
  /** When the run started (ms, performance.now()). */
  started: number;
}

interface Job {
  analysis: DocumentAnalysis;
  controller: AbortController;
  done: Promise<DocumentAnalysis>;
}

export interface AnalyserOptions {
  /** Documents whose decompositions are kept (the least recently used are dropped). */
  capacity?: number;
  batchSize?: number;
}

/**
 * Per-document decompositions keyed by URI and version: debounced after edits, stale runs
 * cancelled, a bounded number of documents kept. Free of the editor API so it is tested with
 * the real engine; analysisService.ts connects it to editor events.
 */
export class DocumentAnalyser {
  private readonly analyses: LruMap<string, DocumentAnalysis>;
  private readonly jobs = new Map<string, Job>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly listeners = new Set<(analysis: DocumentAnalysis) => void>();

  constructor(
    private readonly engine: () => Promise<AnalysisEngine>,
    private readonly options: AnalyserOptions = {},
  ) {
    this.analyses = new LruMap(options.capacity ?? 3, (key) => this.stop(key));
  }

  /** Called on every change: a new span, a finished, failed or cancelled run. */
  onDidChange(listener: (analysis: DocumentAnalysis) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The latest analysis of a document (of any version; compare `version` before using offsets). */
  get(key: string): DocumentAnalysis | undefined {
    return this.analyses.get(key);
  }

  /** Analyses the document after `delayMs` without further calls; work on older versions stops now. */
  schedule(doc: AnalysedDocument, delayMs: number): void {
    this.clearTimer(doc.key);
    const job = this.jobs.get(doc.key);
    if (job && job.analysis.version !== doc.version) this.stop(doc.key);
    if (this.isCurrent(doc)) return;
    this.timers.set(doc.key, setTimeout(() => {
      this.timers.delete(doc.key);
      this.analyse(doc).catch(() => undefined);
    }, delayMs));
  }

  /**
   * The document's complete analysis: the current one when it is done or running, else a new
   * run. Rejects with an EngineError when it fails or is cancelled.
   */
  async analyse(doc: AnalysedDocument, restart = false): Promise<DocumentAnalysis> {
    this.clearTimer(doc.key);
    const engine = await this.engine();
    const existing = this.analyses.peek(doc.key);
    const running = this.jobs.get(doc.key);
    if (!restart && running && running.analysis.version === doc.version && running.analysis.generation === engine.generation) return running.done;
    if (!restart && existing?.state === 'done' && existing.version === doc.version && existing.generation === engine.generation) return existing;
    this.stop(doc.key);
    const analysis: DocumentAnalysis = { key: doc.key, version: doc.version, generation: engine.generation, state: 'running', started: performance.now() };
    // A restart of the same version keeps what is done: the worker's cache refills the rest quickly.
    if (existing && existing.version === doc.version && existing.generation === engine.generation) analysis.partial = existing.partial;
    this.analyses.set(doc.key, analysis);
    const controller = new AbortController();
    const done = engine
      .decompose(doc.text(), {
        signal: controller.signal,
        priority: doc.priority?.(),
        batchSize: this.options.batchSize,
        into: analysis.partial,
        onStart: (partial) => {
          analysis.partial = partial;
          this.fire(analysis);
        },
        onSpan: () => this.fire(analysis),
      })
      .then(
        () => {
          analysis.state = 'done';
          return analysis;
        },
        (error: unknown) => {
          analysis.state = isAbort(error) ? 'cancelled' : 'failed';
          analysis.error = error instanceof EngineError ? error : new EngineError('worker', String((error as Error)?.message ?? error));
          throw analysis.error;
        },
      )
      .finally(() => {
        if (this.jobs.get(doc.key)?.analysis === analysis) this.jobs.delete(doc.key);
        this.fire(analysis);
      });
    done.catch(() => undefined);
    this.jobs.set(doc.key, { analysis, controller, done });
    return done;
  }

  /** Restarts a running analysis so that `priority` comes next, unless that part is already done. */
  reprioritise(doc: AnalysedDocument): void {
    const job = this.jobs.get(doc.key);
    const range = doc.priority?.();
    if (!job || !range || job.analysis.version !== doc.version) return;
    const partial = job.analysis.partial;
    if (partial && coversRange(partial, range)) return;
    this.analyse(doc, true).catch(() => undefined);
  }

  /** Whether the document's analysis is done, or under way, for this version. */
  isCurrent(doc: Pick<AnalysedDocument, 'key' | 'version'>): boolean {
    const analysis = this.analyses.peek(doc.key);
    return !!analysis && analysis.version === doc.version && (analysis.state === 'done' || analysis.state === 'running');
  }

  /** Stops the document's run (the user cancelled); it stays cancelled until its next change. */
  cancel(key: string): void {
    this.clearTimer(key);
    this.stop(key);
  }

  /** Forgets a closed document. */
  forget(key: string): void {
    this.cancel(key);
    this.analyses.delete(key);
  }

  /** Drops everything, e.g. when another dictionary is opened. */
  clear(): void {
    for (const key of [...this.timers.keys()]) this.clearTimer(key);
    for (const key of [...this.jobs.keys()]) this.stop(key);
    this.analyses.clear();
  }

  dispose(): void {
    this.clear();
    this.listeners.clear();
  }

  private stop(key: string): void {
    const job = this.jobs.get(key);
    if (!job) return;
    this.jobs.delete(key);
    job.controller.abort();
  }

  private clearTimer(key: string): void {
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
  }

  private fire(analysis: DocumentAnalysis): void {
    for (const listener of this.listeners) listener(analysis);
  }
}

/** Whether every token overlapping the character range is decomposed. */
function coversRange(partial: PartialDecomposition, range: TextRange): boolean {
  const { tokens } = partial;
  for (let t = 0; t < tokens.length && tokens[t].start < range.end; t++) {
    if (tokens[t].end > range.start && !partial.has(t)) return false;
  }
  return true;
}
