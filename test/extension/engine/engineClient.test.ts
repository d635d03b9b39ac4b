import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { writeFileSync } from 'node:fs';
import { FactorEngine } from '../../../src/core/engine/factorEngine';
import { writeDictionaryFile } from '../../../src/core/dictionary/dictionaryFile';
import type { DocumentDecomposition } from '../../../src/core/decompose/documentDecomposition';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir, bundledModelDir } from '../../../src/core/model/bundledModel';
import { EngineClient } from '../../../src/extension/engine/engineClient';
import { EngineError } from '../../../src/extension/engine/engineError';
import type { EngineReply, EngineRequest } from '../../../src/extension/engine/engineProtocol';
import { metadataFor, tempDir, unitDictionary } from '../../core/dictionary/testDictionaries';
import { sampleText } from './sampleText';

const workerPath = join(__dirname, '../../support/engineWorkerFromSource.mjs');
const sources = { modelDir: bundledModelDir(), dictionaryPath: join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE) };

let client: EngineClient;
let reference: FactorEngine;

before(async () => {
  client = new EngineClient({ workerPath });
  reference = await FactorEngine.open(sources);
});
after(async () => {
  await client.dispose();
  await reference.dispose();
});

/** Same tokens, and the same codes up to float rounding (batches of other sizes pad differently). */
function assertSameDecomposition(actual: DocumentDecomposition, expected: DocumentDecomposition): void {
  assert.deepEqual(actual.tokens, expected.tokens);
  assert.deepEqual(actual.layers, expected.layers);
  expected.codes.forEach((rows, l) => {
    for (let t = 0; t < expected.tokens.length; t++) {
      const dense = new Map<number, number>();
      for (let j = rows.offsets[t]; j < rows.offsets[t + 1]; j++) dense.set(rows.indices[j], rows.values[j]);
      const got = actual.codes[l];
      for (let j = got.offsets[t]; j < got.offsets[t + 1]; j++) {
        const want = dense.get(got.indices[j]) ?? 0;
        assert.ok(Math.abs(got.values[j] - want) <= 1e-4 * Math.max(1, want), `layer ${l} token ${t} factor ${got.indices[j]}: ${got.values[j]} vs ${want}`);
        dense.delete(got.indices[j]);
      }
      for (const [factor, value] of dense) assert.ok(value <= 1e-4, `layer ${l} token ${t}: factor ${factor} (${value}) missing`);
      assert.ok(Math.abs(actual.relativeResiduals[l][t] - expected.relativeResiduals[l][t]) <= 1e-4);
    }
  });
}

test('open reports the bundled dictionary with the model’s layers', async () => {
  const summary = await client.open(sources);
  assert.equal(summary.modelId, 'use-lite');
  assert.deepEqual(summary.layers, reference.model.info.layers);
  assert.equal(summary.atomCount, reference.dictionary.atomCount);
  assert.equal(summary.lambda, reference.lambda);
  assert.equal(client.opened, summary);
});

test('the worker’s decomposition equals the core engine’s, visible part first, with progress', async () => {
  await client.open(sources);
  const text = sampleText(30);
  const visible = { start: Math.floor(text.length / 2), end: Math.floor(text.length / 2) + 80 };
  const progress: number[] = [];
  const firstSpans: Array<{ start: number; end: number }> = [];
  const result = await client.decompose(text, {
    priority: visible,
    onProgress: (done) => progress.push(done),
    onSpan: (partial, span) => {
      if (firstSpans.length === 0) firstSpans.push({ start: partial.tokens[span.tokenStart].start, end: partial.tokens[span.tokenEnd - 1].end });
    },
  });
  assertSameDecomposition(result, await reference.decompose(text));
  // The first span decomposed holds the start of the visible range, although it is mid-document.
  assert.ok(firstSpans[0].start <= visible.start + 1 && firstSpans[0].end > visible.start, JSON.stringify({ firstSpans, visible }));
  assert.ok(firstSpans[0].start > 0);
  assert.equal(progress[0], 0);
  assert.equal(progress.at(-1), result.tokens.length);
  assert.ok(progress.every((p, i) => i === 0 || p > progress[i - 1]));
});

test('an edited document reuses unchanged windows and still equals a fresh decomposition', async () => {
  await client.open(sources);
  const text = sampleText(30);
  await client.decompose(text);
  const at = text.length - 60;
  const edited = text.slice(0, at) + ' remarkably ' + text.slice(at);
  let stats = { windows: 0, cached: 0 };
  assertSameDecomposition(await client.decompose(edited, { onFinish: (s) => (stats = s) }), await reference.decompose(edited));
  // The edit is near the end: the windows before it are the same as before.
  assert.ok(stats.windows >= 3 && stats.cached >= 1 && stats.cached < stats.windows, JSON.stringify(stats));
});

test('an abort stops the worker within the running model batch, and it then serves the next request', async () => {
  // Talks to a worker directly, to see every message it sends after the abort.
  const worker = new Worker(workerPath);
  const messages: EngineReply[] = [];
  let notify = () => {};
  worker.on('message', (message: EngineReply) => {
    messages.push(message);
    notify();
  });
  const next = (test: (m: EngineReply) => boolean) => new Promise<EngineReply>((resolve) => {
    notify = () => {
      const found = messages.find(test);
      if (found) resolve(found);
    };
    notify();
  });
  try {
    worker.postMessage({ type: 'open', id: 1, ...sources } satisfies EngineRequest);
    await next((m) => m.id === 1);
    const batchSize = 2;
    worker.postMessage({ type: 'decompose', id: 2, text: sampleText(320, 7), batchSize } satisfies EngineRequest);
    await next((m) => m.id === 2 && m.type === 'span');
    worker.postMessage({ type: 'abort', id: 2 } satisfies EngineRequest);
    const stopped = await next((m) => m.id === 2 && (m.type === 'failed' || m.type === 'done'));
    assert.equal(stopped.type, 'failed');
    assert.equal(stopped.type === 'failed' && stopped.error.kind, 'aborted');
    const tokens = messages.find((m) => m.type === 'tokens');
    const spans = messages.filter((m) => m.id === 2 && m.type === 'span');
    assert.ok(tokens?.type === 'tokens' && tokens.ids.length > 4000);
    // The first span, plus at most the rest of the batch that was running when the abort came.
    assert.ok(spans.length <= batchSize + 1, `${spans.length} spans after the abort`);
    worker.postMessage({ type: 'decompose', id: 3, text: 'The cat sat on the mat.' } satisfies EngineRequest);
    assert.equal((await next((m) => m.id === 3 && (m.type === 'done' || m.type === 'failed'))).type, 'done');
  } finally {
    await worker.terminate();
  }
});

test('cancelling through the client rejects at once and leaves the client usable', async () => {
  await client.open(sources);
  const controller = new AbortController();
  let spans = 0;
  const cancelled = client.decompose(sampleText(320, 7), {
    signal: controller.signal,
    onSpan: () => {
      if (++spans === 1) controller.abort();
    },
  });
  await assert.rejects(cancelled, (error: EngineError) => error.kind === 'aborted');
  assert.equal(spans, 1, 'no spans reach the caller after it aborted');
  const short = 'The cat sat on the mat.';
  assertSameDecomposition(await client.decompose(short), await reference.decompose(short));
});

test('a signal already aborted rejects at once', async () => {
  await client.open(sources);
  await assert.rejects(client.decompose('text', { signal: AbortSignal.abort() }), (error: EngineError) => error.kind === 'aborted');
});

test('a missing model, a damaged dictionary and another model’s dictionary fail with messages saying so', async () => {
  const dir = tempDir('engine');
  const other = new EngineClient({ workerPath });
  try {
    await assert.rejects(other.open({ ...sources, modelDir: join(dir, 'no-model') }), (error: EngineError) => error.kind === 'model' && /model is missing/.test(error.message));
    const damaged = join(dir, 'damaged.tfdict');
    writeFileSync(damaged, 'this is not a dictionary');
    await assert.rejects(other.open({ ...sources, dictionaryPath: damaged }), (error: EngineError) => error.kind === 'dictionary' && error.problem === 'not-a-dictionary');
    const foreign = join(dir, 'foreign.tfdict');
    const dictionary = unitDictionary(8, 512);
    writeDictionaryFile(foreign, dictionary, metadataFor(dictionary, { id: 'bert-base-uncased', layers: ['L0'] }));
    await assert.rejects(other.open({ ...sources, dictionaryPath: foreign }), (error: EngineError) => error.kind === 'dictionary' && error.problem === 'wrong-model' && /bert-base-uncased/.test(error.message));
    await assert.rejects(other.decompose('text'), (error: EngineError) => error.kind === 'not-open');
    // A good dictionary still opens in the same worker afterwards.
    assert.equal((await other.open(sources)).atomCount, reference.dictionary.atomCount);
  } finally {
    await other.dispose();
  }
  await assert.rejects(other.open(sources), (error: EngineError) => error.kind === 'worker');
});

test('λ from the sources overrides the dictionary’s own', async () => {
  const summary = await client.open({ ...sources, lambda: reference.lambda * 2 });
  assert.equal(summary.lambda, reference.lambda * 2);
  await client.open(sources);
});
