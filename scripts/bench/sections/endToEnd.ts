import { decomposeDocument } from '../../../src/core/decompose/decomposeDocument';
import { DEFAULT_BATCH_SIZE } from '../../../src/core/encode/documentEncoder';
import { sentenceEnds } from '../../../src/core/encode/sentenceBoundaries';
import { planWindows } from '../../../src/core/encode/windowPlan';
import type { FactorEngine } from '../../../src/core/engine/factorEngine';
import type { HiddenStateEncoder } from '../../../src/core/model/hiddenStateEncoder';
import { USE_LITE_LAYERS } from '../../../src/core/model/useLite/useLiteLayers';
import type { TfjsReference } from '../../../test/support/tfjsReference';
import { concatFloats } from '../support/heldOutStates';
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
  /** The model stage alone on the same windows and batches, ONNX Runtime and the original TF.js graph (WASM backend) alternating. */
  modelStage?: { onnxSeconds: number; tfjsSeconds: number; speedupOverTfjs: number };
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
    const stages = await modelStages(engine, reference, text, Math.max(runs, 7));
    result.modelStage = { onnxSeconds: stages.onnx, tfjsSeconds: stages.tfjs, speedupOverTfjs: stages.tfjs / stages.onnx };
  }
  return result;
}

/**
 * The model stage alone, ONNX Runtime against the original TF.js graph (its five depth nodes read
 * out as flat arrays): the same windows in the same batches, the two alternating run by run.
 * Returns the medians in seconds.
 */
async function modelStages(engine: FactorEngine, reference: TfjsReference, text: string, runs: number): Promise<{ onnx: number; tfjs: number }> {
  const tokens = engine.model.tokenizer.tokenize(text);
  const windows = planWindows(tokens.length, sentenceEnds(tokens, text), { maxLength: engine.model.info.maxLength, context: 16 });
  const batches: number[][][] = [];
  for (let b = 0; b < windows.length; b += DEFAULT_BATCH_SIZE) batches.push(windows.slice(b, b + DEFAULT_BATCH_SIZE).map((w) => tokens.slice(w.start, w.end).map((t) => t.id)));
  const nodes = USE_LITE_LAYERS.map((l) => l.tfjsNode);
  const timed = async (run: (batch: number[][]) => Promise<unknown>) => {
    const start = performance.now();
    for (const batch of batches) await run(batch);
    return secondsSince(start);
  };
  const onnx = () => timed((batch) => engine.model.encoder.run(batch));
  const tfjs = () => timed((batch) => reference.runFlat(batch, nodes));
  await onnx();
  await tfjs(); // warm-ups
  const times = { onnx: [] as number[], tfjs: [] as number[] };
  for (let r = 0; r < runs; r++) {
    times.onnx.push(await onnx());
    times.tfjs.push(await tfjs());
  }
  return { onnx: median(times.onnx), tfjs: median(times.tfjs) };
}
