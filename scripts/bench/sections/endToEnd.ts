import { relativeResiduals } from '../../../src/core/decompose/decomposeDocument';
import { encodeDocument } from '../../../src/core/encode/documentEncoder';
import { sentenceEnds } from '../../../src/core/encode/sentenceBoundaries';
import { planWindows } from '../../../src/core/encode/windowPlan';
import type { FactorEngine } from '../../../src/core/engine/factorEngine';
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
 * (b) text → tokens → hidden states at every depth → sparse codes, exactly as the engine's
 * decomposition runs it, timed per stage. Returns the stacked states of the first run too.
 */
export async function endToEnd(engine: FactorEngine, text: string, runs: number, reference?: TfjsReference): Promise<EndToEnd & { states: Float32Array[] }> {
  const timings: StageSeconds[] = [];
  let states: Float32Array[] = [];
  const d = engine.model.info.hiddenSize;
  let tokenCount = 0;
  for (let r = 0; r < runs; r++) {
    const begin = performance.now();
    const tokens = engine.model.tokenizer.tokenize(text);
    tokenCount = tokens.length;
    const tokenize = secondsSince(begin);
    let model = 0;
    let coding = 0;
    const collected: Float32Array[][] = engine.model.info.layers.map(() => []);
    const chunks = encodeDocument(engine.model.encoder, tokens, text)[Symbol.asyncIterator]();
    for (;;) {
      let start = performance.now();
      const next = await chunks.next();
      model += secondsSince(start);
      if (next.done) break;
      start = performance.now();
      for (const [layer, X] of next.value.states.entries()) {
        const codes = await engine.code(X, X.length / d);
        relativeResiduals(engine.dictionary, X, codes);
        if (r === 0) collected[layer].push(X);
      }
      coding += secondsSince(start);
    }
    timings.push({ tokenize, model, coding, total: secondsSince(begin) });
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
