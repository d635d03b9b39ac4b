import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FactorEngine } from '../../../src/core/engine/factorEngine';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir, bundledModelDir } from '../../../src/core/model/bundledModel';
import { EngineClient, type DecomposeOptions } from '../../../src/extension/engine/engineClient';
import type { EngineError } from '../../../src/extension/engine/engineError';
import { DocumentAnalyser, type AnalysedDocument, type AnalysisEngine } from '../../../src/extension/analysis/documentAnalyser';
import { sampleText } from '../engine/sampleText';

const sources = { modelDir: bundledModelDir(), dictionaryPath: join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE) };
let client: EngineClient;
let reference: FactorEngine;

before(async () => {
  client = new EngineClient({ workerPath: join(__dirname, '../../support/engineWorkerFromSource.mjs') });
  await client.open(sources);
  reference = await FactorEngine.open(sources);
});
after(async () => {
  await client.dispose();
  await reference.dispose();
});

/** The real engine, counting the texts it is asked to decompose. */
function countingEngine(generation = 1): AnalysisEngine & { texts: string[] } {
  const texts: string[] = [];
  return { generation, texts, decompose: (text: string, options: DecomposeOptions) => (texts.push(text), client.decompose(text, options)) };
}

const doc = (key: string, version: number, text: string): AnalysedDocument => ({ key, version, text: () => text });

test('edits in quick succession are decomposed once, as the last version', async () => {
  const engine = countingEngine();
  const analyser = new DocumentAnalyser(async () => engine);
  const finished = new Promise<void>((resolve) => analyser.onDidChange((a) => a.state === 'done' && resolve()));
  analyser.schedule(doc('a', 1, 'The cat'), 40);
  analyser.schedule(doc('a', 2, 'The cat sat'), 40);
  analyser.schedule(doc('a', 3, 'The cat sat down.'), 40);
  await finished;
  assert.deepEqual(engine.texts, ['The cat sat down.']);
  const analysis = analyser.get('a')!;
  assert.equal(analysis.version, 3);
  assert.deepEqual(analysis.partial!.toDecomposition(), await reference.decompose('The cat sat down.'));
  analyser.dispose();
});

test('the same version is decomposed once; a new version or another dictionary decomposes again', async () => {
  let engine = countingEngine(1);
  const analyser = new DocumentAnalyser(async () => engine);
  const first = await analyser.analyse(doc('a', 1, 'One two three.'));
  assert.equal(await analyser.analyse(doc('a', 1, 'One two three.')), first);
  assert.equal(engine.texts.length, 1);
  assert.ok(analyser.isCurrent({ key: 'a', version: 1 }));
  assert.ok(!analyser.isCurrent({ key: 'a', version: 2 }));
  const second = await analyser.analyse(doc('a', 2, 'One two three four.'));
  assert.notEqual(second, first);
  assert.equal(engine.texts.length, 2);
  engine = countingEngine(2);
  const third = await analyser.analyse(doc('a', 2, 'One two three four.'));
  assert.equal(third.generation, 2);
  assert.equal(engine.texts.length, 1);
  analyser.dispose();
});

test('a change stops the run on the older version; the newer one completes', async () => {
  const engine = countingEngine();
  const analyser = new DocumentAnalyser(async () => engine, { batchSize: 1 });
  const long = sampleText(200, 3);
  let progress = { done: 0, tokens: 0 };
  analyser.onDidChange((a) => a.version === 1 && a.partial && (progress = { done: a.partial.tokensDone, tokens: a.partial.tokens.length }));
  const stale = analyser.analyse(doc('a', 1, long));
  await new Promise<void>((resolve) => analyser.onDidChange((a) => a.version === 1 && (a.partial?.tokensDone ?? 0) > 0 && resolve()));
  analyser.schedule(doc('a', 2, 'Short and new.'), 0);
  await assert.rejects(stale, (error: EngineError) => error.kind === 'aborted');
  const done = new Promise<void>((resolve) => analyser.onDidChange((a) => a.version === 2 && a.state === 'done' && resolve()));
  await done;
  assert.equal(analyser.get('a')!.version, 2);
  assert.ok(progress.done < progress.tokens / 2, `the stale run stopped early (${JSON.stringify(progress)})`);
  analyser.dispose();
});

test('cancelling leaves the document cancelled, not current, until analysed again', async () => {
  const analyser = new DocumentAnalyser(async () => countingEngine(), { batchSize: 1 });
  const text = sampleText(100, 5);
  const run = analyser.analyse(doc('a', 1, text));
  await new Promise<void>((resolve) => analyser.onDidChange((a) => (a.partial?.tokensDone ?? 0) > 0 && resolve()));
  analyser.cancel('a');
  await assert.rejects(run);
  assert.equal(analyser.get('a')!.state, 'cancelled');
  assert.ok(!analyser.isCurrent({ key: 'a', version: 1 }));
  assert.equal((await analyser.analyse(doc('a', 1, text))).state, 'done');
  analyser.dispose();
});

test('a restart for a new visible range keeps the tokens done so far', async () => {
  const analyser = new DocumentAnalyser(async () => countingEngine(), { batchSize: 1 });
  const text = sampleText(60, 9);
  let visible = { start: 0, end: 50 };
  const document: AnalysedDocument = { key: 'a', version: 1, text: () => text, priority: () => visible };
  const first = analyser.analyse(document);
  await new Promise<void>((resolve) => analyser.onDidChange((a) => (a.partial?.tokensDone ?? 0) > 0 && resolve()));
  const partial = analyser.get('a')!.partial!;
  visible = { start: text.length - 40, end: text.length };
  analyser.reprioritise(document);
  await assert.rejects(first, (error: EngineError) => error.kind === 'aborted');
  const restarted = analyser.get('a')!;
  assert.equal(restarted.partial, partial);
  await new Promise<void>((resolve) => analyser.onDidChange((a) => a.state === 'done' && resolve()));
  assert.deepEqual(restarted.partial!.toDecomposition(), await reference.decompose(text));
  analyser.dispose();
});

test('only the most recently used documents are kept', async () => {
  const analyser = new DocumentAnalyser(async () => countingEngine(), { capacity: 2 });
  await analyser.analyse(doc('a', 1, 'First.'));
  await analyser.analyse(doc('b', 1, 'Second.'));
  analyser.get('a');
  await analyser.analyse(doc('c', 1, 'Third.'));
  assert.ok(analyser.get('a'));
  assert.equal(analyser.get('b'), undefined);
  assert.ok(analyser.get('c'));
  analyser.forget('a');
  assert.equal(analyser.get('a'), undefined);
  analyser.dispose();
});
