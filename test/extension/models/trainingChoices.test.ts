import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkpointPaths } from '../../../src/core/learn/checkpoint';
import { atomCountProblem, defaultAtomCount, defaultLambda, dictionaryName, lambdaProblem, trainingTarget } from '../../../src/extension/models/trainingChoices';
import { formatDuration, ProgressIncrements, trainingMessage } from '../../../src/extension/models/trainingProgressText';

test('defaults follow the paper for BERT-size models and the bundled dictionary for the bundled model', () => {
  assert.equal(defaultAtomCount(768), 2000);
  assert.equal(defaultAtomCount(512), 1024);
  assert.equal(defaultLambda('use-lite'), 10);
  assert.equal(defaultLambda('Xenova/bert-base-uncased'), 0.3);
  assert.equal(atomCountProblem('2000'), undefined);
  assert.ok(atomCountProblem('1.5'));
  assert.ok(atomCountProblem('4'));
  assert.ok(atomCountProblem('x'));
  assert.equal(lambdaProblem('0.3'), undefined);
  assert.ok(lambdaProblem('0'));
  assert.ok(lambdaProblem(''));
  assert.ok(lambdaProblem('-1'));
  assert.equal(dictionaryName('Xenova/bert-base-uncased', 'brown', 2000), 'bert-base-uncased-brown-k2000');
});

test('a training target resumes an interrupted run and never overwrites a finished dictionary', () => {
  const folder = mkdtempSync(join(tmpdir(), 'targets-'));
  assert.deepEqual(trainingTarget(folder, 'd'), { outPath: join(folder, 'd.tfdict'), name: 'd', resumable: false });
  writeFileSync(join(folder, 'd.tfdict'), 'finished');
  assert.deepEqual(trainingTarget(folder, 'd'), { outPath: join(folder, 'd-2.tfdict'), name: 'd-2', resumable: false });
  const paths = checkpointPaths(join(folder, 'd-2.tfdict'));
  writeFileSync(paths.state, '{}');
  writeFileSync(paths.dictionary, 'x');
  assert.deepEqual(trainingTarget(folder, 'd'), { outPath: join(folder, 'd-2.tfdict'), name: 'd-2', resumable: true });
});

test('progress: a readable line and increments that add up to 100 without going back', () => {
  const line = trainingMessage({ epoch: 0, textsDone: 50, textsTotal: 100, tokens: 12345, vectors: 60000, tokensPerSecond: 310.4, etaSeconds: 250, snrDb: 8.21, meanActive: 3.14 });
  assert.equal(line, '12,345 tokens · 310 tok/s · SNR 8.2 dB · 3.1 active · ETA 4 min 10 s');
  assert.equal(formatDuration(NaN), 'estimating…');
  assert.equal(formatDuration(3725), '1 h 02 min');
  const increments = new ProgressIncrements();
  const steps = [increments.next(0.5, 0, 0.8), increments.next(0.25, 0, 0.8), increments.next(1, 0, 0.8), increments.next(0.5, 0.8, 1), increments.next(2, 0.8, 1)];
  assert.deepEqual(steps.map((s) => Math.round(s * 1000) / 1000), [40, 0, 40, 10, 10]);
});
