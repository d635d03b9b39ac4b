import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDictionaryFile } from '../../../src/core/dictionary/dictionaryFile';
import { listDictionaries } from '../../../src/core/dictionary/dictionaryStore';
import { checkpointPaths } from '../../../src/core/learn/checkpoint';
import type { TrainingProgress } from '../../../src/core/learn/trainDictionary';
import { ModelJobClient, ModelJobError } from '../../../src/extension/models/modelJobClient';
import type { TrainingPlan } from '../../../src/extension/models/modelJobProtocol';
import { writeTinyBert } from '../../core/model/hf/support/tinyBert';

const jobs = new ModelJobClient({ workerPath: join(__dirname, 'support', 'modelWorker.cjs') });
const root = mkdtempSync(join(tmpdir(), 'model-jobs-'));
const cacheDir = join(root, 'cache');
const modelDir = join(root, 'tiny-bert');
writeTinyBert(modelDir);
const dictionaries = join(root, 'dictionaries');

const SENTENCES = ['The river bank was steep.', 'The bank raised its rates.', 'Then the coffee was quick.', 'A naive cafe in the river.', 'Its rates were unbelievable!'];
const documents = Array.from({ length: 6 }, (_, d) => ({ id: `doc${d}.txt`, text: Array.from({ length: 20 }, (_, i) => SENTENCES[(d + i) % SENTENCES.length]).join(' ').replace(/(\. )/g, '.\n\n') }));

function plan(name: string, overrides: Partial<TrainingPlan> = {}): TrainingPlan {
  return {
    modelSpec: modelDir, cacheDir, corpus: { kind: 'documents', name: 'test documents', documents }, outPath: join(dictionaries, `${name}.tfdict`), name,
    atomCount: 16, lambda: 0.5, seed: 1, epochs: 1, sentences: 0, catalogSentences: 20, evaluationSentences: 10, resume: false, intraOpThreads: 1, ...overrides,
  };
}

test('preparing: a Hub model that is not downloaded is refused without network access; a local folder is made ready', async () => {
  await assert.rejects(jobs.prepare({ spec: 'Xenova/bert-base-uncased', allowNetwork: false, cacheDir }),
    (error: ModelJobError) => error.code === 'network-not-allowed' && /transformerFactors\.allowNetwork/.test(error.message));
  const stages: string[] = [];
  const prepared = await jobs.prepare({ spec: modelDir, allowNetwork: false, cacheDir }, { onStage: (stage) => stages.push(stage) });
  assert.deepEqual(prepared, { kind: 'folder', id: 'tiny-bert', dir: modelDir, layers: ['embeddings', 'layer1', 'layer2'], hiddenSize: 32, downloaded: false });
  assert.deepEqual(stages, ['preparing']);
});

test('training in the worker: progress with speed and SNR, a dictionary with its catalog for the model; cancel, then resume to the same result', async () => {
  const progress: TrainingProgress[] = [];
  const straight = await jobs.train(plan('straight'), { onTraining: (p) => progress.push(p) });
  assert.ok(progress.length >= 2, 'progress after every sweep');
  const last = progress[progress.length - 1];
  assert.equal(last.textsDone, last.textsTotal);
  assert.ok(last.tokensPerSecond > 0 && Number.isFinite(last.snrDb) && last.tokens > 0);
  assert.ok(existsSync(straight.catalogPath));
  assert.deepEqual(straight.quality.map((q) => q.layer), ['embeddings', 'layer1', 'layer2']);
  const entry = listDictionaries({ user: dictionaries }).entries.find((e) => e.path === straight.outPath)!;
  assert.equal(entry.modelId, 'tiny-bert');
  assert.equal(entry.hasCatalog, true);

  // Stopped after its first sweep, the run keeps a checkpoint; resumed, it ends where the straight run did.
  const controller = new AbortController();
  await assert.rejects(jobs.train(plan('resumed'), { signal: controller.signal, onTraining: () => controller.abort() }),
    (error: ModelJobError) => error.code === 'cancelled');
  assert.ok(existsSync(checkpointPaths(join(dictionaries, 'resumed.tfdict')).state));
  const resumed = await jobs.train(plan('resumed', { resume: true }));
  assert.deepEqual(Array.from(readDictionaryFile(resumed.outPath).dictionary.atoms), Array.from(readDictionaryFile(straight.outPath).dictionary.atoms));
  assert.ok(!existsSync(checkpointPaths(resumed.outPath).state), 'the checkpoint is removed once done');
});
