import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CatalogSummary } from '../../core/catalog/catalogSummary';
import type { FactorDetails } from '../../core/catalog/factorDetails';
import type { CatalogExpectation, CatalogReply, CatalogRequest } from './catalogProtocol';

/** The worker holds full catalogs (tens of megabytes each): it is ended after this long unused. */
const IDLE_MS = 300_000;

export interface CatalogHostOptions {
  /** Defaults to catalogWorker.js beside the bundled extension (out/); tests run the TypeScript source. */
  workerPath?: string;
  execArgv?: string[];
  /** Full catalogs the worker keeps (the most recently used dictionaries). */
  capacity?: number;
  idleMs?: number;
}

/**
 * Factor catalogs read on a worker thread, so that the editor's thread never gunzips or parses
 * one: it receives only a catalog's summary, or one factor's details. Started on first use,
 * ended when idle so that its memory is returned; a failed read rejects with a message for the user.
 */
export class CatalogHost {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, { resolve(reply: CatalogReply): void; reject(error: Error): void }>();
  private nextId = 1;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: CatalogHostOptions = {}) {}

  /** The catalog at `path` without its examples, checked against its dictionary. */
  async summary(path: string, expected: CatalogExpectation): Promise<CatalogSummary> {
    const reply = await this.request((id) => ({ type: 'summary', id, path, expected }));
    if (reply.type !== 'summary') throw new Error(`the catalog worker answered ${reply.type} to a summary request`);
    return reply.summary;
  }

  /** One factor with its examples and their texts; undefined when the catalog has no such factor. */
  async details(path: string, expected: CatalogExpectation, factor: number): Promise<FactorDetails | undefined> {
    const reply = await this.request((id) => ({ type: 'details', id, path, expected, factor }));
    if (reply.type !== 'details') throw new Error(`the catalog worker answered ${reply.type} to a details request`);
    return reply.details;
  }

  /** Ends the worker (its catalogs are read again on next use); pending requests are rejected. */
  dispose(): void {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('the catalog reader was closed'));
    void worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.workerPath ?? join(__dirname, 'catalogWorker.js'), {
      execArgv: this.options.execArgv,
      workerData: { capacity: this.options.capacity ?? 2 },
    });
    worker.on('message', (reply: CatalogReply) => this.pending.get(reply.id)?.resolve(reply));
    const stopped = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.failAll(error);
    };
    worker.on('error', (error) => stopped(new Error(`the catalog reader stopped: ${error.message}`)));
    worker.on('exit', (code) => stopped(new Error(`the catalog reader stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private request(build: (id: number) => CatalogRequest): Promise<CatalogReply> {
    const worker = this.start();
    clearTimeout(this.idleTimer);
    // Referenced only while it owes an answer, so an idle worker never keeps the process alive.
    worker.ref();
    const id = this.nextId++;
    return new Promise<CatalogReply>((resolve, reject) => {
      const settle = () => {
        this.pending.delete(id);
        if (this.pending.size || this.worker !== worker) return;
        worker.unref();
        this.idleTimer = setTimeout(() => this.dispose(), this.options.idleMs ?? IDLE_MS);
        this.idleTimer.unref?.();
      };
      this.pending.set(id, {
        resolve: (reply) => {
          settle();
          if (reply.type === 'failed') reject(new Error(reply.message));
          else resolve(reply);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      });
      worker.postMessage(build(id));
    });
  }

  private failAll(error: Error): void {
    for (const pending of [...this.pending.values()]) pending.reject(error);
  }
}
