import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brownSentences } from '../../../src/core/corpus/brownCorpus';
import { type BatchCoder } from '../../../src/core/learn/dictionaryLearner';
import { trainDictionary, type TrainingOptions, type TrainingSnapshot } from '../../../src/core/learn/trainDictionary';
import { bundledModelDir } from '../../../src/core/model/bundledModel';
import { loadModel } from '../../../src/core/model/loadedModel';
import { SparseCoder } from '../../../src/core/sparse/sparseCoder';
import { sparseCodesToDense } from '../../../src/core/sparse/sparseCodes';

const coder: BatchCoder = (dictionary, X, n, lambda) => sparseCodesToDense(new SparseCoder(dictionary).codeBatch(X, n, lambda), dictionary.atomCount);

test('training is deterministic, reports progress, stops on cancel, and resumes to the same dictionary', async () => {
  const model = await loadModel(bundledModelDir());
  const texts = [...brownSentences(['cb01'])].slice(0, 40).map((s) => s.text);
  const counts = new Map<number, number>();
  const options: TrainingOptions = { atomCount: 32, lambda: 4, seed: 3, epochs: 1, layers: [0, 2, 4], textsPerModelBatch: 5, modelBatchesPerSweep: 2 };
  const progress: number[] = [];
  const full = await trainDictionary(model, texts, counts, coder, { ...options, onProgress: (p) => progress.push(p.textsDone) });
  assert.deepEqual(progress, [10, 20, 30, 40]);
  assert.equal(full.state.batches > 0, true);

  const again = await trainDictionary(model, texts, counts, coder, options);
  assert.deepEqual(again.dictionary.atoms, full.dictionary.atoms, 'same seed, same dictionary');

  const controller = new AbortController();
  let saved: TrainingSnapshot | undefined;
  await assert.rejects(trainDictionary(model, texts, counts, coder, {
    ...options,
    signal: controller.signal,
    onSnapshot: (snapshot) => {
      saved = { ...snapshot, dictionary: { ...snapshot.dictionary, atoms: Float32Array.from(snapshot.dictionary.atoms) }, state: structuredClone(snapshot.state) };
      if (snapshot.textIndex === 20) controller.abort();
    },
  }), { name: 'AbortError' });
  assert.equal(saved?.textIndex, 20);
  const resumed = await trainDictionary(model, texts, counts, coder, { ...options, resume: saved });
  assert.deepEqual(resumed.dictionary.atoms, full.dictionary.atoms, 'interrupted + resumed equals uninterrupted');
  assert.equal(resumed.state.vectors, full.state.vectors);
  await model.encoder.dispose();
});
