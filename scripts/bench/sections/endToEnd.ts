import { decomposeDocument } from '../../../src/core/decompose/decomposeDocument';
import { sentenceEnds } from '../../../src/core/encode/sentenceBoundaries';
import { planWindows } from '../../../src/core/encode/windowPlan';
import type { FactorEngine } from '../../../src/core/engine/factorEngine';
import type { HiddenStateEncoder } from '../../../src/core/model/hiddenStateEncoder';
import { USE_LITE_LAYERS } from '../../../src/core/model/useLite/useLiteLayers';
import type { TfjsReference } from '../../../test/support/tfjsReference';
import { median, secondsSince } from '../support/timing';

export interface StageSeconds {
  tokenize: number;
  model: number;
  coding: number;
  total: number;
}

export interface EndToEnd {
  tokens: number;
  runs: number;
  /** Medians over the runs, per stage (the total is the median of the totals). */
  seconds: StageSeconds;
  /** The model stage on the same windows in the original TF.js graph (WASM backend). */
  tfjsModelSeconds?: number;
  modelSpeedupOverTfjs?: number;
}

/**
 * (b) text → tokens → hidden states at every depth → sparse codes, timed per stage on the engine's
 * own path (decomposeDocument, with the engine's coder): the model stage is the time inside the
 * encoder's runs, coding the rest (coder threads, residuals, stitching). Returns the stacked
 * states of the first run too.
 */
export async function endToEnd(engine: FactorEngine, text: string, runs: number, reference?: TfjsReference): Promise<EndToEnd & { states: Float32Array[] }> {
  const timings: StageSeconds[] = [];
  let states: Float32Array[] = [];
  let tokenCount = 0;
  for (let r = 0; r < runs; r++) {
    let model = 0;
    const encoder: HiddenStateEncoder = {
      info: engine.model.encoder.info,
      run: async (sequences) => {
        const start = performance.now();
        const out = await engine.model.encoder.run(sequences);
        model += secondsSince(start);
        return out;
      },
      dispose: () => engine.model.encoder.dispose(),
    };
    const begin = performance.now();
    const tokens = engine.model.tokenizer.tokenize(text);
    tokenCount = tokens.length;
    const tokenize = secondsSince(begin);
    const collected: Float32Array[][] = engine.model.info.layers.map(() => []);
    for await (const chunk of decomposeDocument({ ...engine.model, encoder }, engine.dictionary, engine.code, tokens, text)) {
      if (r === 0) chunk.states.forEach((X, layer) => collected[layer].push(X));
    }
    const total = secondsSince(begin);
    timings.push({ tokenize, model, coding: total - tokenize - model, total });
    if (r === 0) states = collected.map(concatFloats);
  }
  const seconds: StageSeconds = {
    tokenize: median(timings.map((t) => t.tokenize)),
    model: median(timings.map((t) => t.model)),
    coding: median(timings.map((t) => t.coding)),
    total: median(timings.map((t) => t.total)),
  };
  const result: EndToEnd & { states: Float32Array[] } = { tokens: tokenCount, runs, seconds, states };
  if (reference) {
    result.tfjsModelSeconds = await tfjsModelStage(engine, reference, text, runs);
    result.modelSpeedupOverTfjs = result.tfjsModelSeconds / seconds.model;
  }
  return result;
}

/** The same windows, in batches of the same size, through the TF.js graph's five depth nodes. */
async function tfjsModelStage(engine: FactorEngine, reference: TfjsReference, text: string, runs: number): Promise<number> {
  const tokens = engine.model.tokenizer.tokenize(text);
  const windows = planWindows(tokens.length, sentenceEnds(tokens, text), { maxLength: engine.model.info.maxLength, context: 16 });
  const nodes = USE_LITE_LAYERS.map((l) => l.tfjsNode);
  const once = async () => {
    const start = performance.now();
    for (let b = 0; b < windows.length; b += 8) {
      await reference.run(windows.slice(b, b + 8).map((w) => tokens.slice(w.start, w.end).map((t) => t.id)), nodes);
    }
    return secondsSince(start);
  };
  await reference.run([tokens.slice(0, 16).map((t) => t.id)], nodes); // warm-up
  const times: number[] = [];
  for (let r = 0; r < runs; r++) times.push(await once());
  return median(times);
}

function concatFloats(parts: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
