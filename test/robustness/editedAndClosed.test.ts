// A document edited, or closed, while the real engine decomposes it: the stale run stops, the
// result matches the final text, and no promise is left rejected without a handler.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FactorEngine } from '../../src/core/engine/factorEngine';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir, bundledModelDir } from '../../src/core/model/bundledModel';
import { DocumentAnalyser, type AnalysedDocument, type AnalysisEngine, type DocumentAnalysis } from '../../src/extension/analysis/documentAnalyser';
import { EngineClient } from '../../src/extension/engine/engineClient';
import type { EngineError } from '../../src/extension/engine/engineError';
import { sampleText } from '../extension/engine/sampleText';
import { assertWellFormed } from './support/wellFormed';

const sources = { modelDir: bundledModelDir(), dictionaryPath: join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE) };
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let client: EngineClient;
let reference: FactorEngine;

before(async () => {
  process.on('unhandledRejection', onUnhandled);
  client = new EngineClient({ workerPath: join(__dirname, '../support/engineWorkerFromSource.mjs') });
  await client.open(sources);
  reference = await FactorEngine.open(sources);
});
after(async () => {
  process.off('unhandledRejection', onUnhandled);
  await client.dispose();
  await reference.dispose();
});

/** Lets pending rejections surface as 'unhandledRejection' before asserting there were none. */
async function assertNoUnhandledRejection(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(unhandled, []);
}

const engine: AnalysisEngine = { generation: 1, decompose: (text, options) => client.decompose(text, options) };
const doc = (key: string, version: number, text: string): AnalysedDocument => ({ key, version, text: () => text });
const firstSpanOf = (analyser: DocumentAnalyser, version: number) =>
  new Promise<void>((resolve) => analyser.onDidChange((a) => a.version === version && (a.partial?.tokensDone ?? 0) > 0 && resolve()));

test('edited while decomposed: the old version’s run is cancelled and the result is the final text’s', async () => {
  const analyser = new DocumentAnalyser(async () => engine, { batchSize: 1 });
  const events: DocumentAnalysis[] = [];
  analyser.onDidChange((a) => events.push({ ...a }));
  const original = sampleText(120, 11);
  analyser.schedule(doc('file:///a.txt', 1, original), 0);
  await firstSpanOf(analyser, 1);
  const middle = Math.floor(original.length / 2);
  const edited = original.slice(0, middle) + ' (an edit in the middle) ' + original.slice(middle, middle + 400);
  const finished = new Promise<DocumentAnalysis>((resolve) => analyser.onDidChange((a) => a.version === 2 && a.state !== 'running' && resolve(a)));
  analyser.schedule(doc('file:///a.txt', 2, edited), 0);
  const final = await finished;
  assert.equal(final.state, 'done');
  assert.equal(events.find((e) => e.version === 1 && e.state !== 'running')?.state, 'cancelled');
  assert.ok(!events.some((e) => e.version === 1 && e.state === 'done'), 'the stale version never completes');
  const result = final.partial!.toDecomposition();
  assert.equal(final.partial!.text, edited);
  assertWellFormed(edited, result, client.opened!.atomCount);
  const expected = await reference.decompose(edited);
  assert.deepEqual(result.tokens, expected.tokens);
  result.codes.forEach((rows, l) => assert.deepEqual([...rows.indices], [...expected.codes[l].indices], `layer ${l}`));
  analyser.dispose();
  await assertNoUnhandledRejection();
});

test('closed while decomposed: the run stops, nothing is kept, and the engine serves the next document', async () => {
  const analyser = new DocumentAnalyser(async () => engine, { batchSize: 1 });
  const events: DocumentAnalysis[] = [];
  analyser.onDidChange((a) => events.push({ ...a }));
  const text = sampleText(200, 13);
  // As the editor does: analysed after a change, nobody awaiting the run.
  analyser.schedule(doc('file:///closed.txt', 1, text), 0);
  await firstSpanOf(analyser, 1);
  analyser.forget('file:///closed.txt');
  assert.equal(analyser.get('file:///closed.txt'), undefined);
  await new Promise<void>((resolve) => analyser.onDidChange((a) => a.key === 'file:///closed.txt' && a.state !== 'running' && resolve()));
  const last = events.at(-1)!;
  assert.equal(last.state, 'cancelled');
  assert.ok(last.partial!.tokensDone < last.partial!.tokens.length, 'it stopped before the end');
  assert.equal(analyser.get('file:///closed.txt'), undefined, 'a closed document is not kept');
  const next = await analyser.analyse(doc('file:///next.txt', 1, 'The next document.'));
  assert.equal(next.state, 'done');
  assert.deepEqual(next.partial!.toDecomposition().tokens, (await reference.decompose('The next document.')).tokens);
  analyser.dispose();
  await assertNoUnhandledRejection();
});

test('closed while an awaited run is under way: the caller gets an aborted EngineError, not a hang', async () => {
  const analyser = new DocumentAnalyser(async () => engine, { batchSize: 1 });
  const run = analyser.analyse(doc('file:///b.txt', 1, sampleText(200, 17)));
  await firstSpanOf(analyser, 1);
  analyser.forget('file:///b.txt');
  await assert.rejects(run, (error: EngineError) => error.kind === 'aborted' && /cancelled/.test(error.message));
  analyser.dispose();
  await assertNoUnhandledRejection();
});

test('closed before its debounced run started: the engine is never asked', async () => {
  const asked: string[] = [];
  const analyser = new DocumentAnalyser(async () => ({ generation: 1, decompose: (text, options) => (asked.push(text), client.decompose(text, options)) }));
  analyser.schedule(doc('file:///c.txt', 1, 'Typed and closed at once.'), 30);
  analyser.forget('file:///c.txt');
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.deepEqual(asked, []);
  assert.equal(analyser.get('file:///c.txt'), undefined);
  analyser.dispose();
  await assertNoUnhandledRejection();
});
