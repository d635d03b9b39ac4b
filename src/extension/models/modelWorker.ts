// The model-jobs thread: downloads, graph rewrites and dictionary training run here so the
// extension host never waits on them. Each job has an id and can be cancelled.
import { parentPort } from 'node:worker_threads';
import { prepareModel, trainForPlan } from './modelJobs';
import type { ModelJobReply, ModelJobRequest, SerializedJobError } from './modelJobProtocol';

const port = parentPort;
if (!port) throw new Error('modelWorker.js runs as a worker thread of the extension');

const running = new Map<number, AbortController>();

port.on('message', (request: ModelJobRequest) => {
  if (request.type === 'cancel') {
    running.get(request.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(request.id, controller);
  void serve(request, controller.signal).finally(() => running.delete(request.id));
});

async function serve(request: Exclude<ModelJobRequest, { type: 'cancel' }>, signal: AbortSignal): Promise<void> {
  const { id } = request;
  const onStage = (stage: string, detail: string) => reply({ type: 'stage', id, stage, detail });
  try {
    if (request.type === 'prepare') {
      const model = await prepareModel(request, { signal, onStage, onDownload: (progress) => reply({ type: 'download', id, progress }) });
      reply({ type: 'prepared', id, model });
    } else {
      const result = await trainForPlan(request.plan, {
        signal, onStage,
        onTraining: (progress) => reply({ type: 'training', id, progress }),
        onCatalog: (done, total) => reply({ type: 'catalog', id, done, total }),
      });
      reply({ type: 'trained', id, result });
    }
  } catch (error) {
    reply({ type: 'failed', id, error: serialize(error, signal) });
  }
}

function serialize(error: unknown, signal: AbortSignal): SerializedJobError {
  const code = signal.aborted ? 'cancelled' : (error as { code?: unknown }).code;
  return { message: error instanceof Error ? error.message : String(error), code: typeof code === 'string' ? code : undefined };
}

function reply(message: ModelJobReply): void {
  port!.postMessage(message);
}
