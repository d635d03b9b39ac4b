// The panel's worker thread: leave-one-out attribution and factor scans need many model runs,
// so they run here, never on the extension host's thread. Requests are served in order; an
// abort stops the running one at its next model run.
import { parentPort } from 'node:worker_threads';
import { tokenAtCharacter, windowOfToken } from '../../core/attribution/attributionWindow';
import { leaveOneOut } from '../../core/attribution/leaveOneOut';
import { FactorEngine } from '../../core/engine/factorEngine';
import { scanFactor } from '../../core/search/scanFactor';
import type { AttributionReply, FactorWorkerReply, FactorWorkerRequest, WorkerSources } from './factorWorkerProtocol';
import { serveInOrder } from '../workers/serveInOrder';

const port = parentPort;
if (!port) throw new Error('factorWorker.js runs as a worker thread of the extension');

let engine: FactorEngine | undefined;
let opened = '';
serveInOrder<FactorWorkerRequest>(port, serve);

async function serve(request: Exclude<FactorWorkerRequest, { type: 'abort' }>, signal: AbortSignal): Promise<void> {
  try {
    signal.throwIfAborted();
    if (request.type === 'open') {
      await open(request);
      reply({ type: 'opened', id: request.id });
    } else if (request.type === 'attribute') {
      reply({ type: 'attributed', id: request.id, ...(await attribute(request, signal)) });
    } else if (request.type === 'scan') {
      const result = await scanFactor(ready().model, ready().code, request.text, request.factor, request.layer, { limit: request.limit, signal });
      reply({ type: 'scanned', id: request.id, ...result });
    } else {
      await engine?.dispose();
      engine = undefined;
      reply({ type: 'closed', id: request.id });
      port!.close();
    }
  } catch (error) {
    const aborted = error instanceof Error && error.name === 'AbortError';
    reply({ type: 'failed', id: request.id, message: aborted ? 'cancelled' : error instanceof Error ? error.message : String(error), aborted });
  }
}

async function open(sources: WorkerSources): Promise<void> {
  const key = `${sources.modelDir}\n${sources.dictionaryPath}\n${sources.lambda ?? ''}`;
  if (engine && key === opened) return;
  await engine?.dispose();
  engine = undefined;
  // One thread for the model and one for coding: the panel's work leaves the other cores to the engine worker's decompositions.
  engine = await FactorEngine.open({ modelDir: sources.modelDir, dictionaryPath: sources.dictionaryPath, lambda: sources.lambda, intraOpThreads: 1, coderThreads: 1 });
  opened = key;
}

async function attribute(request: Extract<FactorWorkerRequest, { type: 'attribute' }>, signal: AbortSignal): Promise<AttributionReply> {
  const e = ready();
  const tokens = e.model.tokenizer.tokenize(request.text);
  if (!tokens.length) throw new Error('the text has no tokens');
  const token = tokenAtCharacter(tokens, request.offset);
  const window = windowOfToken(tokens, request.text, token, e.model.info.maxLength);
  const inWindow = tokens.slice(window.start, window.end);
  const result = await leaveOneOut(e.model.encoder.run.bind(e.model.encoder), e.code,
    { ids: inWindow.map((t) => t.id), target: token - window.start, layer: request.layer, factor: request.factor, hiddenSize: e.model.info.hiddenSize },
    { signal, batchSize: 4, onProgress: (done, total) => reply({ type: 'progress', id: request.id, done, total }) });
  return { starts: inWindow.map((t) => t.start), ends: inWindow.map((t) => t.end), target: token - window.start, baseline: result.baseline, scores: [...result.scores] };
}

function ready(): FactorEngine {
  if (!engine) throw new Error('no dictionary is open');
  return engine;
}

function reply(message: FactorWorkerReply): void {
  port!.postMessage(message);
}
