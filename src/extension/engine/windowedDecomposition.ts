import { withResiduals } from '../../core/decompose/decomposeDocument';
import { sentenceEnds } from '../../core/encode/sentenceBoundaries';
import { planWindows, type Window } from '../../core/encode/windowPlan';
import type { FactorEngine } from '../../core/engine/factorEngine';
import type { Token } from '../../core/tokenize/token';
import type { DecomposedSpan } from './engineProtocol';
import { WindowCache } from './windowCache';
import { priorityOrder } from './windowOrder';

/** One window's own tokens, and whether they came from the cache. */
export type WindowSpan = DecomposedSpan & { cached: boolean };

export interface WindowedOptions {
  /** Tokens [first, last] to decompose first. */
  priority?: { first: number; last: number };
  /** Windows per model run: smaller answers a cancellation sooner (default 2). */
  batchSize?: number;
  /** Context tokens on each side of a window's own tokens; the core's default is 16. */
  context?: number;
  signal?: AbortSignal;
  cache?: WindowCache;
}

/**
 * The core's document decomposition (same windows, so the same codes) in the editor's order:
 * windows around the view first, windows seen before taken from the cache, and a check for
 * cancellation before every model run. Yields one span per window.
 */
export async function* decomposeWindows(engine: FactorEngine, tokens: readonly Token[], text: string, options: WindowedOptions = {}): AsyncGenerator<WindowSpan> {
  const { batchSize = 2, context = 16, signal, cache } = options;
  const windows = planWindows(tokens.length, sentenceEnds(tokens, text), { maxLength: engine.model.info.maxLength, context });
  const ordered = options.priority ? priorityOrder(windows, options.priority.first, options.priority.last) : windows;
  let batch: Array<{ window: Window; key: string }> = [];
  for (const window of ordered) {
    signal?.throwIfAborted();
    const key = WindowCache.keyOf(window, tokens);
    const cached = cache?.get(key);
    if (cached) {
      yield { tokenStart: window.ownStart, tokenEnd: window.ownEnd, ...cached, cached: true };
      continue;
    }
    batch.push({ window, key });
    if (batch.length === batchSize) {
      yield* runBatch(engine, tokens, batch, signal, cache);
      batch = [];
    }
  }
  if (batch.length) yield* runBatch(engine, tokens, batch, signal, cache);
}

async function* runBatch(
  engine: FactorEngine,
  tokens: readonly Token[],
  batch: ReadonlyArray<{ window: Window; key: string }>,
  signal: AbortSignal | undefined,
  cache: WindowCache | undefined,
): AsyncGenerator<WindowSpan> {
  signal?.throwIfAborted();
  const hidden = engine.model.info.hiddenSize;
  const results = await engine.model.encoder.run(batch.map(({ window }) => tokens.slice(window.start, window.end).map((t) => t.id)));
  for (let i = 0; i < batch.length; i++) {
    signal?.throwIfAborted();
    const { window, key } = batch[i];
    const from = (window.ownStart - window.start) * hidden;
    const to = (window.ownEnd - window.start) * hidden;
    const states = results[i].map((layer) => layer.subarray(from, to));
    // Every depth at once: the engine's coder threads code them side by side.
    const coded = await Promise.all(states.map((X) => engine.code(X, X.length / hidden)));
    const span = withResiduals(engine.dictionary, states, coded);
    cache?.set(key, span, window.ownEnd - window.ownStart);
    yield { tokenStart: window.ownStart, tokenEnd: window.ownEnd, ...span, cached: false };
  }
}
