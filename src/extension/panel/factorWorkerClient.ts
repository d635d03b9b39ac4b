import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FactorHit } from '../../core/search/scanFactor';
import type { AttributionReply, FactorWorkerReply, FactorWorkerRequest, WorkerSources } from './factorWorkerProtocol';

/** The worker holds a second copy of the model: it is ended after this long unused. */
const IDLE_MS = 120_000;

export class WorkerCancelled extends Error {
  override readonly name = 'WorkerCancelled';
}

/**
 * The host's handle on the panel's worker: started on first use, opened for the dictionary in
 * use, ended when idle (so its memory is returned), requests cancelled through AbortSignal.
 */
export class FactorWorkerClient {
  private worker: Worker | undefined;
  private opened: { key: string; done: Promise<void> } | undefined;
  private readonly pending = new Map<number, { reply(message: FactorWorkerReply): void; fail(error: Error): void }>();
  private nextId = 1;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly workerPath = join(__dirname, 'factorWorker.js'), private readonly execArgv?: string[]) {}

  async attribute(sources: WorkerSources, text: string, offset: number, factor: number, layer: number, options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {}): Promise<AttributionReply> {
    await this.open(sources);
    return this.request<AttributionReply>((id) => ({ type: 'attribute', id, text, offset, factor, layer }), (message, resolve) => {
      if (message.type === 'progress') options.onProgress?.(message.done, message.total);
      if (message.type === 'attributed') {
        const { type: _type, id: _id, ...result } = message;
        resolve(result);
      }
    }, options.signal);
  }

  async scan(sources: WorkerSources, text: string, factor: number, layer: number, limit: number, signal?: AbortSignal): Promise<{ hits: FactorHit[]; tokens: number }> {
    await this.open(sources);
    return this.request((id) => ({ type: 'scan', id, text, factor, layer, limit }), (message, resolve) => {
      if (message.type === 'scanned') resolve({ hits: message.hits, tokens: message.tokens });
    }, signal);
  }

  dispose(): void {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    this.opened = undefined;
    for (const pending of [...this.pending.values()]) pending.fail(new WorkerCancelled('the panel was closed'));
    void worker?.terminate();
  }

  private open(sources: WorkerSources): Promise<void> {
    const key = JSON.stringify(sources);
    if (this.opened?.key === key && this.worker) return this.opened.done;
    const done = this.request<void>((id) => ({ type: 'open', id, ...sources }), (message, resolve) => {
      if (message.type === 'opened') resolve();
    });
    this.opened = { key, done };
    done.catch(() => {
      if (this.opened?.done === done) this.opened = undefined;
    });
    return done;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath, { execArgv: this.execArgv });
    worker.on('message', (message: FactorWorkerReply) => this.pending.get(message.id)?.reply(message));
    const stop = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.opened = undefined;
      for (const pending of [...this.pending.values()]) pending.fail(error);
    };
    worker.on('error', (error) => stop(new Error(`the attribution worker stopped: ${error.message}`)));
    worker.on('exit', (code) => stop(new Error(`the attribution worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private request<T>(build: (id: number) => FactorWorkerRequest, onReply: (message: FactorWorkerReply, resolve: (value: T) => void) => void, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(new WorkerCancelled('cancelled'));
    const worker = this.start();
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    // Referenced only while it owes a reply, so that an idle worker never keeps a process alive.
    worker.ref();
    return new Promise<T>((resolve, reject) => {
      const finish = () => {
        this.pending.delete(id);
        signal?.removeEventListener('abort', onAbort);
        if (this.pending.size) return;
        worker.unref();
        this.idleTimer = setTimeout(() => this.dispose(), IDLE_MS).unref();
      };
      const onAbort = () => {
        worker.postMessage({ type: 'abort', id } satisfies FactorWorkerRequest);
        finish();
        reject(new WorkerCancelled('cancelled'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        reply: (message) => {
          if (message.type === 'failed') {
            finish();
            reject(message.aborted ? new WorkerCancelled(message.message) : new Error(message.message));
            return;
          }
          onReply(message, (value) => {
            finish();
            resolve(value);
          });
        },
        fail: (error) => {
          finish();
          reject(error);
        },
      });
      worker.postMessage(build(id));
    });
  }
}
