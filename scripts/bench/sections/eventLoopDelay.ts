import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FactorEngine } from '../../../src/core/engine/factorEngine';
import { EngineClient } from '../../../src/extension/engine/engineClient';

export interface LoopDelay {
  seconds: number;
  p99Ms: number;
  maxMs: number;
}

export interface EventLoopDelay {
  tokens: number;
  /** The extension's way: the engine on a worker thread, this thread only receiving spans. */
  worker: LoopDelay;
  /** The same decomposition run on this thread, for comparison. */
  mainThread: LoopDelay;
}

/**
 * Item 3 of the performance issue: how long the extension host's event loop (where typing is
 * handled) is held up while a document is decomposed, with the engine on a worker thread as the
 * extension runs it, against the engine on the same thread.
 */
export async function eventLoopDelay(engine: FactorEngine, modelDir: string, text: string, root: string): Promise<EventLoopDelay> {
  const client = new EngineClient({ workerPath: join(root, 'out', 'engineWorker.js') });
  await client.open({ modelDir, dictionaryPath: engine.dictionaryPath, lambda: engine.lambda });
  const worker = await measure(async () => (await client.decompose(text)).tokens.length);
  await client.dispose();
  const mainThread = await measure(async () => (await engine.decompose(text)).tokens.length);
  return { tokens: worker.tokens, worker: worker.delay, mainThread: mainThread.delay };
}

async function measure(run: () => Promise<number>): Promise<{ tokens: number; delay: LoopDelay }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const start = performance.now();
  const tokens = await run();
  const seconds = (performance.now() - start) / 1000;
  histogram.disable();
  return { tokens, delay: { seconds, p99Ms: histogram.percentile(99) / 1e6, maxMs: histogram.max / 1e6 } };
}
