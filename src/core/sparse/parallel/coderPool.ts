import { Worker } from 'node:worker_threads';
import { concatRows } from '../../decompose/documentDecomposition';
import type { Dictionary } from '../../dictionary/dictionary';
import { workerScript, type WorkerScript } from '../../workers/workerScript';
import type { SparseCodes } from '../sparseCodes';
import type { CodeReply, CodeRequest, CoderWorkerData } from './coderProtocol';
import { rowChunks } from './rowChunks';
import { isShared, sharedCopy } from './sharedArrays';

export interface CoderPoolOptions {
  /** G = ΦᵀΦ [K × K]; best on a SharedArrayBuffer (see onnxGramMatrix), otherwise it is copied into one. */
  gram: Float32Array;
  threads: number;
  /** The worker entry point; defaults to coderWorker beside this module (or beside the bundle). */
  script?: WorkerScript;
}

interface Job {
  id: number;
  /** A copy of the rows, whose buffer is transferred to the worker. */
  X: Float32Array<ArrayBuffer>;
  n: number;
  lambda: number;
  resolve(codes: SparseCodes): void;
  reject(error: Error): void;
}

interface CoderThread {
  worker: Worker;
  /** The request sent and not yet answered. */
  job: Job | undefined;
  exited: boolean;
}

/**
 * Sparse coding on worker threads, coding exactly as the single-threaded engine (correlations on
 * ONNX Runtime, then SparseCoder on the same Gram matrix): a batch's rows are split into
 * contiguous parts (rowChunks, one per worker), queued, each idle worker takes the next, and the
 * parts' codes are joined in order; replies are matched to requests by id. The Gram matrix is
 * posted to all workers on shared memory (each solver copies it into its WebAssembly memory). Workers are referenced only while they owe a reply, so an idle pool never
 * keeps the process alive. A worker that fails or exits ends the pool: every pending and later
 * request rejects with what happened.
 */
export class CoderPool {
  private readonly threads: CoderThread[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private failure: Error | undefined;

  constructor(readonly dictionary: Dictionary, options: CoderPoolOptions) {
    const { atoms, atomCount: K, hiddenSize: d } = dictionary;
    if (!(options.threads >= 1)) throw new Error(`a coder pool needs at least one thread, not ${options.threads}`);
    if (options.gram.length !== K * K) throw new Error(`the Gram matrix holds ${options.gram.length} values, not ${K} × ${K}`);
    const gram = isShared(options.gram) ? options.gram : sharedCopy(options.gram);
    // ONNX Runtime refuses tensors on shared memory, so each worker gets its own copy of Φ (K·d values,
    // a quarter of G at d = K/4); sliced so that a view into a larger buffer does not clone all of it.
    const workerData: CoderWorkerData = { atoms: atoms.slice(), atomCount: K, hiddenSize: d, gram };
    const script = options.script ?? workerScript(__dirname, 'coderWorker');
    this.threads = Array.from({ length: options.threads }, () => {
      const thread: CoderThread = { worker: new Worker(script.filename, { execArgv: script.execArgv, workerData }), job: undefined, exited: false };
      thread.worker.on('message', (reply: CodeReply) => this.replied(thread, reply));
      thread.worker.on('error', (error) => this.fail(new Error(`a sparse-coding worker thread failed: ${error.message}`)));
      thread.worker.on('exit', (code) => {
        thread.exited = true;
        this.fail(new Error(`a sparse-coding worker thread stopped (exit code ${code})`));
      });
      // After the listeners: adding a 'message' listener references the worker again.
      thread.worker.unref();
      return thread;
    });
  }

  get threadCount(): number {
    return this.threads.length;
  }

  /** Worker threads not yet exited (all of them until dispose() or a failure). */
  get runningThreads(): number {
    return this.threads.filter((t) => !t.exited).length;
  }

  /** Codes the rows of X ([n × hidden], row-major) with penalty λ; the same codes as SparseCoder.codeBatch with ONNX correlations. */
  async codeBatch(X: Float32Array, n: number, lambda: number): Promise<SparseCodes> {
    const d = this.dictionary.hiddenSize;
    if (X.length !== n * d) throw new Error(`X holds ${X.length} values, not ${n} × ${d}`);
    if (this.failure) throw this.failure;
    const parts = rowChunks(n, this.threads.length).map(({ start, end }) => this.submit(X.slice(start * d, end * d), end - start, lambda));
    return concatRows(await Promise.all(parts));
  }

  /** Ends the workers; pending requests reject. */
  async dispose(): Promise<void> {
    this.fail(new Error('the sparse coder was closed'));
    await Promise.all(this.threads.map((thread) => thread.worker.terminate()));
  }

  private submit(X: Float32Array<ArrayBuffer>, n: number, lambda: number): Promise<SparseCodes> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, X, n, lambda, resolve, reject });
      this.dispatch();
    });
  }

  /** Hands queued chunks to idle workers, one each. */
  private dispatch(): void {
    for (const thread of this.threads) {
      if (thread.job || !this.queue.length) continue;
      const job = this.queue.shift()!;
      thread.job = job;
      // Referenced only while it owes a reply, so that an idle pool never keeps the process alive.
      thread.worker.ref();
      const request: CodeRequest = { id: job.id, X: job.X, n: job.n, lambda: job.lambda };
      thread.worker.postMessage(request, [job.X.buffer]);
    }
  }

  private replied(thread: CoderThread, reply: CodeReply): void {
    const job = thread.job;
    if (!job || job.id !== reply.id) return;
    thread.job = undefined;
    thread.worker.unref();
    if ('error' in reply) job.reject(new Error(`sparse coding failed in a worker thread: ${reply.error}`));
    else job.resolve(reply.codes);
    this.dispatch();
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    const jobs = [...this.threads.flatMap((t) => (t.job ? [t.job] : [])), ...this.queue.splice(0)];
    for (const thread of this.threads) {
      thread.job = undefined;
      thread.worker.unref();
    }
    for (const job of jobs) job.reject(error);
    // The others are of no use without it: a new pool (a new engine) is needed.
    for (const thread of this.threads) void thread.worker.terminate();
  }
}
