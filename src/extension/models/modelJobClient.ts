import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TrainingProgress } from '../../core/learn/trainDictionary';
import type { DownloadProgress } from '../../core/model/hf/hub/downloadProgress';
import type { ModelJobReply, ModelJobRequest, PreparedModel, PrepareRequest, SerializedJobError, TrainedDictionary, TrainingPlan } from './modelJobProtocol';

/** A job that failed in the worker, with its code ('network-not-allowed', 'cancelled'…). */
export class ModelJobError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
    this.name = 'ModelJobError';
  }
}

export interface JobEvents {
  onDownload?: (progress: DownloadProgress) => void;
  onStage?: (stage: string, detail: string) => void;
  onTraining?: (progress: TrainingProgress) => void;
  onCatalog?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Runs model jobs in a worker thread started for the job and ended with it, so a training run's
 * memory is given back when it finishes. Cancelling asks the job to stop at its next step (a
 * training run then keeps its checkpoint); a worker that does not stop soon is terminated.
 */
export class ModelJobClient {
  private nextId = 1;

  /** `workerPath` defaults to modelWorker.js beside the bundled extension; tests run the TypeScript source with `execArgv`. */
  constructor(private readonly options: { workerPath?: string; execArgv?: string[] } = {}) {}

  prepare(request: PrepareRequest, events: JobEvents = {}): Promise<PreparedModel> {
    return this.run((id) => ({ type: 'prepare', id, ...request }), events, (message) => (message.type === 'prepared' ? message.model : undefined));
  }

  train(plan: TrainingPlan, events: JobEvents = {}): Promise<TrainedDictionary> {
    return this.run((id) => ({ type: 'train', id, plan }), events, (message) => (message.type === 'trained' ? message.result : undefined));
  }

  private run<T>(request: (id: number) => ModelJobRequest, events: JobEvents, result: (message: ModelJobReply) => T | undefined): Promise<T> {
    const id = this.nextId++;
    const worker = new Worker(this.options.workerPath ?? join(__dirname, 'modelWorker.js'), { execArgv: this.options.execArgv });
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      let killTimer: NodeJS.Timeout | undefined;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        events.signal?.removeEventListener('abort', cancel);
        clearTimeout(killTimer);
        outcome();
        void worker.terminate();
      };
      const cancel = () => {
        worker.postMessage({ type: 'cancel', id } satisfies ModelJobRequest);
        // A job stops at its next step; one stuck in a long native call is ended outright.
        killTimer = setTimeout(() => finish(() => reject(new ModelJobError('cancelled', 'cancelled'))), 10_000);
      };
      worker.on('message', (message: ModelJobReply) => {
        if (message.id !== id) return;
        if (message.type === 'download') events.onDownload?.(message.progress);
        else if (message.type === 'stage') events.onStage?.(message.stage, message.detail);
        else if (message.type === 'training') events.onTraining?.(message.progress);
        else if (message.type === 'catalog') events.onCatalog?.(message.done, message.total);
        else if (message.type === 'failed') finish(() => reject(jobError(message.error)));
        else {
          const value = result(message);
          if (value !== undefined) finish(() => resolve(value));
        }
      });
      worker.on('error', (error) => finish(() => reject(new ModelJobError(`the model worker stopped: ${error.message}`))));
      worker.on('exit', (code) => finish(() => reject(new ModelJobError(`the model worker stopped (exit code ${code})`))));
      if (events.signal?.aborted) {
        finish(() => reject(new ModelJobError('cancelled', 'cancelled')));
        return;
      }
      events.signal?.addEventListener('abort', cancel, { once: true });
      worker.postMessage(request(id));
    });
  }
}

function jobError(error: SerializedJobError): ModelJobError {
  return new ModelJobError(error.message, error.code);
}
