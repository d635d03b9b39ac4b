// The engine's thread: owns the FactorEngine so that model runs and sparse coding never hold up
// the extension host. Requests are served one at a time, in order; an abort stops the running
// decomposition at its next window.
import { existsSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { FactorEngine } from '../../core/engine/factorEngine';
import type { SparseCodes } from '../../core/sparse/sparseCodes';
import { EngineError, serializeEngineError } from './engineError';
import type { DecomposedSpan, EngineReply, EngineRequest, EngineSummary } from './engineProtocol';
import { WindowCache } from './windowCache';
import { decomposeWindows } from './windowedDecomposition';
import { tokenSpanOf } from './windowOrder';
import { serveInOrder } from '../workers/serveInOrder';

/** About 40 000 tokens of codes: a few documents' worth, tens of megabytes at most. */
const CACHE_TOKENS = 40_000;

const port = parentPort;
if (!port) throw new Error('engineWorker.js runs as a worker thread of the extension');

let engine: FactorEngine | undefined;
const cache = new WindowCache(CACHE_TOKENS);
serveInOrder<EngineRequest>(port, serve);

async function serve(request: Exclude<EngineRequest, { type: 'abort' }>, signal: AbortSignal): Promise<void> {
  try {
    signal.throwIfAborted();
    if (request.type === 'open') reply({ type: 'opened', id: request.id, summary: await open(request) });
    else if (request.type === 'decompose') await decompose(request, signal);
    else {
      await engine?.dispose();
      engine = undefined;
      reply({ type: 'closed', id: request.id });
      port!.close();
    }
  } catch (error) {
    reply({ type: 'failed', id: request.id, error: serializeEngineError(error, request.type === 'open') });
  }
}

async function open(request: Extract<EngineRequest, { type: 'open' }>): Promise<EngineSummary> {
  await engine?.dispose();
  engine = undefined;
  cache.clear();
  if (!existsSync(request.modelDir)) {
    throw new EngineError('model', `the model is missing: ${request.modelDir} does not exist (a source checkout builds it with "npm run build:model")`);
  }
  if (!existsSync(request.dictionaryPath)) throw new EngineError('dictionary', `the dictionary file ${request.dictionaryPath} does not exist`, 'not-found');
  engine = await FactorEngine.open({ modelDir: request.modelDir, dictionaryPath: request.dictionaryPath, lambda: request.lambda });
  return {
    modelId: engine.model.info.id,
    layers: engine.model.info.layers,
    atomCount: engine.dictionary.atomCount,
    hiddenSize: engine.dictionary.hiddenSize,
    lambda: engine.lambda,
    dictionaryName: engine.metadata.name,
    dictionaryPath: request.dictionaryPath,
  };
}

async function decompose(request: Extract<EngineRequest, { type: 'decompose' }>, signal: AbortSignal): Promise<void> {
  if (!engine) throw new EngineError('not-open', 'no dictionary is open');
  const tokens = engine.model.tokenizer.tokenize(request.text);
  const ids = Uint32Array.from(tokens, (t) => t.id);
  const starts = Uint32Array.from(tokens, (t) => t.start);
  const ends = Uint32Array.from(tokens, (t) => t.end);
  const priority = request.priority && tokenSpanOf(starts, ends, request.priority.start, request.priority.end);
  reply({ type: 'tokens', id: request.id, ids, starts, ends }, buffersOf(ids, starts, ends));
  const stats = { windows: 0, cached: 0 };
  for await (const span of decomposeWindows(engine, tokens, request.text, { priority, batchSize: request.batchSize, signal, cache })) {
    stats.windows++;
    if (span.cached) stats.cached++;
    // The cache keeps the originals; the host gets copies it owns.
    const copy: DecomposedSpan = { tokenStart: span.tokenStart, tokenEnd: span.tokenEnd, codes: span.codes.map(copyCodes), relativeResiduals: span.relativeResiduals.map((r) => r.slice()) };
    reply({ type: 'span', id: request.id, cached: span.cached, ...copy }, buffersOf(...copy.codes.flatMap((c) => [c.offsets, c.indices, c.values]), ...copy.relativeResiduals));
  }
  reply({ type: 'done', id: request.id, stats });
}

function copyCodes(codes: SparseCodes): SparseCodes {
  return { offsets: codes.offsets.slice(), indices: codes.indices.slice(), values: codes.values.slice() };
}

/** The arrays' memory, handed over to the host instead of copied (each array owns its buffer). */
function buffersOf(...arrays: Array<Uint32Array | Float32Array>): ArrayBuffer[] {
  return arrays.map((array) => array.buffer as ArrayBuffer);
}

function reply(message: EngineReply, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}
