import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DocumentDecomposition } from '../../core/decompose/documentDecomposition';
import { EngineError } from './engineError';
import type { DecomposedSpan, DecomposeStats, EngineReply, EngineRequest, EngineSummary, TextRange } from './engineProtocol';
import { PartialDecomposition } from './partialDecomposition';

export interface EngineSources {
  modelDir: string;
  dictionaryPath: string;
  /** Overrides the dictionary's own λ. */
  lambda?: number;
}

export interface DecomposeOptions {
  signal?: AbortSignal;
  /** Characters to decompose first, e.g. the visible range. */
  priority?: TextRange;
  /** Windows per model run. */
  batchSize?: number;
  /** A decomposition of the same text begun earlier (e.g. before a restart) to carry on filling. */
  into?: PartialDecomposition;
  /** Called once the text is tokenized, with the decomposition that fills up as spans arrive. */
  onStart?: (partial: PartialDecomposition) => void;
  onSpan?: (partial: PartialDecomposition, span: DecomposedSpan) => void;
  onProgress?: (tokensDone: number, tokens: number) => void;
  onFinish?: (stats: DecomposeStats) => void;
}

interface Pending {
  reply(message: EngineReply): void;
  fail(error: EngineError): void;
}

/**
 * The extension host's handle on the engine worker: typed requests, replies matched by id,
 * cancellation through AbortSignal. The worker runs one request at a time, in order.
 */
export class EngineClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private exited: EngineError | undefined;
  private summary: EngineSummary | undefined;

  /** `workerPath` defaults to engineWorker.js beside the bundled extension (out/); tests run the TypeScript source with `execArgv`. */
  constructor(options: { workerPath?: string; execArgv?: string[] } = {}) {
    this.worker = new Worker(options.workerPath ?? join(__dirname, 'engineWorker.js'), { execArgv: options.execArgv });
    this.worker.on('message', (message: EngineReply) => this.pending.get(message.id)?.reply(message));
    this.worker.on('error', (error) => this.stop(new EngineError('worker', `the engine stopped: ${error.message}`)));
    this.worker.on('exit', (code) => this.stop(new EngineError('worker', `the engine stopped (exit code ${code})`)));
  }

  /** False once the worker has stopped (disposed or crashed); a new client is needed then. */
  get alive(): boolean {
    return !this.exited;
  }

  /** The opened engine's summary, once open() has succeeded. */
  get opened(): EngineSummary | undefined {
    return this.summary;
  }

  /** Opens (or replaces) the model and dictionary; rejects with an EngineError saying what is wrong. */
  async open(sources: EngineSources): Promise<EngineSummary> {
    this.summary = undefined;
    const summary = await this.request<EngineSummary>((id) => ({ type: 'open', id, ...sources }), (message, resolve) => {
      if (message.type === 'opened') resolve(message.summary);
    });
    this.summary = summary;
    return summary;
  }

  /** Decomposes text in the worker; `signal` stops it at the worker's next window and rejects with an 'aborted' EngineError. */
  decompose(text: string, options: DecomposeOptions = {}): Promise<DocumentDecomposition> {
    const layers = this.summary?.layers;
    if (!layers) return Promise.reject(new EngineError('not-open', 'no dictionary is open'));
    let partial: PartialDecomposition | undefined;
    return this.request<DocumentDecomposition>(
      (id) => ({ type: 'decompose', id, text, priority: options.priority, batchSize: options.batchSize }),
      (message, resolve) => {
        if (message.type === 'tokens') {
          const into = options.into;
          partial = into && into.text === text && into.tokens.length === message.ids.length ? into : PartialDecomposition.fromArrays(text, layers, message.ids, message.starts, message.ends);
          options.onStart?.(partial);
          options.onProgress?.(partial.tokensDone, partial.tokens.length);
        } else if (message.type === 'span' && partial) {
          partial.add(message);
          options.onSpan?.(partial, message);
          options.onProgress?.(partial.tokensDone, partial.tokens.length);
        } else if (message.type === 'done' && partial) {
          options.onFinish?.(message.stats);
          resolve(partial.toDecomposition());
        }
      },
      options.signal,
    );
  }

  /** Releases the model and ends the worker. */
  async dispose(): Promise<void> {
    if (this.exited) return;
    const closed = this.request<void>((id) => ({ type: 'close', id }), (message, resolve) => {
      if (message.type === 'closed') resolve();
    }).catch(() => undefined);
    const timeout = new Promise((resolve) => setTimeout(resolve, 2000).unref());
    await Promise.race([closed, timeout]);
    await this.worker.terminate();
  }

  private request<T>(
    build: (id: number) => EngineRequest,
    onReply: (message: EngineReply, resolve: (value: T) => void) => void,
    signal?: AbortSignal,
  ): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    if (signal?.aborted) return Promise.reject(aborted());
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const finish = () => {
        this.pending.delete(id);
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        finish();
        this.worker.postMessage({ type: 'abort', id } satisfies EngineRequest);
        reject(aborted());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        reply: (message) => {
          if (message.type === 'failed') {
            finish();
            reject(EngineError.from(message.error));
            return;
          }
          try {
            onReply(message, (value) => {
              finish();
              resolve(value);
            });
          } catch (error) {
            finish();
            this.worker.postMessage({ type: 'abort', id } satisfies EngineRequest);
            reject(error);
          }
        },
        fail: (error) => {
          finish();
          reject(error);
        },
      });
      this.worker.postMessage(build(id));
    });
  }

  private stop(error: EngineError): void {
    if (this.exited) return;
    this.exited = error;
    this.summary = undefined;
    for (const pending of [...this.pending.values()]) pending.fail(error);
  }
}

function aborted(): EngineError {
  return new EngineError('aborted', 'the decomposition was cancelled');
}
