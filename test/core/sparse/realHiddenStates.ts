import { join } from 'node:path';
import { brownSentences, BROWN_HELD_OUT_FILES } from '../../../src/core/corpus/brownCorpus';
import type { Dictionary } from '../../../src/core/dictionary/dictionary';
import { bundledModelDir } from '../../../src/core/model/bundledModel';
import { OnnxEncoder } from '../../../src/core/model/onnxEncoder';
import { ModelTokenizer } from '../../../src/core/tokenize/modelTokenizer';

/** Hidden states of consecutive Brown sentences: per layer a row-major [tokens × hidden] matrix. */
export interface LayerStates {
  layers: string[];
  hiddenSize: number;
  tokens: number;
  states: Float32Array[];
  /** Index of the first held-out sentence not used (to take disjoint text next). */
  nextSentence: number;
}

/**
 * Runs the bundled model over held-out Brown sentences, skipping the first `skipSentences`,
 * until `tokens` tokens are collected (sentences longer than the model's window are passed over).
 */
export async function brownHiddenStates(tokens: number, skipSentences = 0): Promise<LayerStates> {
  const dir = bundledModelDir();
  const encoder = await OnnxEncoder.load(dir);
  const tokenizer = await ModelTokenizer.load(join(dir, 'tokenizer.json'));
  const { layers, hiddenSize: d, maxLength } = encoder.info;
  const chunks: Float32Array[][] = layers.map(() => []);
  let collected = 0;
  let batch: number[][] = [];
  const flush = async () => {
    for (const sequence of await encoder.run(batch)) sequence.forEach((states, layer) => chunks[layer].push(states));
    batch = [];
  };
  let index = 0;
  for (const sentence of brownSentences(BROWN_HELD_OUT_FILES)) {
    if (index++ < skipSentences) continue;
    const ids = tokenizer.tokenize(sentence.text).map((t) => t.id).slice(0, tokens - collected);
    if (ids.length === 0 || ids.length > maxLength) continue;
    batch.push(ids);
    collected += ids.length;
    if (batch.length === 16) await flush();
    if (collected >= tokens) break;
  }
  if (batch.length) await flush();
  await encoder.dispose();
  const states = chunks.map((parts) => {
    const out = new Float32Array(collected * d);
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  });
  return { layers, hiddenSize: d, tokens: collected, states, nextSentence: index };
}

/** A small deterministic generator (mulberry32) for reproducible test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * K atoms: distinct rows drawn at random from the given [rows × hidden] matrices (pooled),
 * normalised. (Rows are drawn without replacement: a repeated atom makes the optimum non-unique.)
 */
export function dictionaryOfSamples(sources: Float32Array[], hiddenSize: number, atomCount: number, seed: number): Dictionary {
  const random = seededRandom(seed);
  const rows = sources.map((s) => s.length / hiddenSize);
  const total = rows.reduce((a, b) => a + b, 0);
  if (atomCount > total) throw new Error(`${atomCount} atoms from ${total} rows`);
  const order = Array.from({ length: total }, (_, i) => i);
  const atoms = new Float32Array(atomCount * hiddenSize);
  for (let k = 0; k < atomCount; k++) {
    const swap = k + Math.floor(random() * (total - k));
    [order[k], order[swap]] = [order[swap], order[k]];
    let pick = order[k];
    let source = 0;
    while (pick >= rows[source]) pick -= rows[source++];
    const row = sources[source].subarray(pick * hiddenSize, (pick + 1) * hiddenSize);
    let norm = 0;
    for (let h = 0; h < hiddenSize; h++) norm += row[h] * row[h];
    norm = Math.sqrt(norm);
    for (let h = 0; h < hiddenSize; h++) atoms[k * hiddenSize + h] = row[h] / norm;
  }
  return { atoms, atomCount, hiddenSize };
}
