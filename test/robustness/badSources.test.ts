// Model and dictionary files that cannot be used, opened through the engine worker. A missing model
// folder, a file that is not a dictionary and another model's dictionary are in
// test/extension/engine/engineClient.test.ts; these are the damaged and partial cases.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir, bundledModelDir } from '../../src/core/model/bundledModel';
import { EngineClient } from '../../src/extension/engine/engineClient';
import type { EngineError } from '../../src/extension/engine/engineError';
import { tempDir } from '../core/dictionary/testDictionaries';

const sources = { modelDir: bundledModelDir(), dictionaryPath: join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE) };
const dictionaryBytes = readFileSync(sources.dictionaryPath);
const dir = tempDir('bad-sources');
let client: EngineClient;

before(() => {
  client = new EngineClient({ workerPath: join(__dirname, '../support/engineWorkerFromSource.mjs') });
});
after(() => client.dispose());

function dictionaryFile(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** The bundled model folder without one of its files. */
function modelWithout(file: string): string {
  const modelDir = join(tempDir('model-without'), 'use-lite');
  mkdirSync(modelDir, { recursive: true });
  for (const name of readdirSync(sources.modelDir)) if (name !== file) copyFileSync(join(sources.modelDir, name), join(modelDir, name));
  return modelDir;
}

async function assertOpenFails(dictionaryPath: string, modelDir: string, check: (error: EngineError) => boolean): Promise<void> {
  await assert.rejects(client.open({ modelDir, dictionaryPath }), (error: EngineError) => {
    assert.ok(check(error), `${error.kind}/${error.problem}: ${error.message}`);
    return true;
  });
  assert.equal(client.opened, undefined);
}

test('a corrupt dictionary is refused with the problem named: empty, truncated, trailing bytes, a flipped bit in Φ', async () => {
  const model = sources.modelDir;
  await assertOpenFails(dictionaryFile('empty.tfdict', new Uint8Array()), model, (e) => e.kind === 'dictionary' && e.problem === 'not-a-dictionary');
  const half = dictionaryFile('half.tfdict', dictionaryBytes.subarray(0, dictionaryBytes.length >> 1));
  await assertOpenFails(half, model, (e) => e.kind === 'dictionary' && e.problem === 'truncated' && /half\.tfdict/.test(e.message));
  const header = dictionaryFile('header.tfdict', dictionaryBytes.subarray(0, 100));
  await assertOpenFails(header, model, (e) => e.kind === 'dictionary' && ['truncated', 'bad-header'].includes(e.problem!));
  const longer = dictionaryFile('longer.tfdict', Buffer.concat([dictionaryBytes, Buffer.from('extra')]));
  await assertOpenFails(longer, model, (e) => e.kind === 'dictionary' && e.problem === 'trailing-bytes');
  const flipped = Buffer.from(dictionaryBytes);
  flipped[flipped.length - 9] ^= 0x10;
  await assertOpenFails(dictionaryFile('flipped.tfdict', flipped), model, (e) => e.kind === 'dictionary' && e.problem === 'checksum');
  await assertOpenFails(join(dir, 'absent.tfdict'), model, (e) => e.kind === 'dictionary' && e.problem === 'not-found' && /absent\.tfdict/.test(e.message));
});

test('a model folder missing a file is refused with a message naming the file', async () => {
  for (const file of ['model.onnx', 'tokenizer.json', 'model-info.json']) {
    await assertOpenFails(sources.dictionaryPath, modelWithout(file), (e) => e.kind === 'model' && e.message.includes(file));
  }
});

test('after every refusal the same worker still opens the bundled dictionary and decomposes', async () => {
  await assert.rejects(client.open({ ...sources, dictionaryPath: dictionaryFile('again.tfdict', dictionaryBytes.subarray(0, 1000)) }));
  const summary = await client.open(sources);
  assert.equal(summary.modelId, 'use-lite');
  assert.ok((await client.decompose('It still works.')).tokens.length > 0);
});
