import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Dictionary } from '../../../../src/core/dictionary/dictionary';
import { readDictionaryFile } from '../../../../src/core/dictionary/dictionaryFile';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir } from '../../../../src/core/model/bundledModel';
import { onnxGramMatrix } from '../../../../src/core/sparse/onnxGram';
import { OnnxMatMul } from '../../../../src/core/sparse/onnxMatMul';
import { CoderPool } from '../../../../src/core/sparse/parallel/coderPool';
import { SparseCoder } from '../../../../src/core/sparse/sparseCoder';
import type { SparseCodes } from '../../../../src/core/sparse/sparseCodes';
import { workerScript } from '../../../../src/core/workers/workerScript';
import { brownHiddenStates, type LayerStates } from '../realHiddenStates';
import { randomDictionary, randomVectors } from '../tinyProblems';

let matMul: OnnxMatMul;
before(async () => {
  matMul = await OnnxMatMul.create();
});
after(async () => {
  await matMul.dispose();
});

/** What the engine does on its own thread: XΦᵀ for the whole batch on ONNX Runtime, then SparseCoder. */
async function singleThreaded(coder: SparseCoder, X: Float32Array, n: number, lambda: number): Promise<SparseCodes> {
  const { atoms, atomCount: K, hiddenSize: d } = coder.dictionary;
  const correlations = n > 0 ? await matMul.multiplyTransposed(X, n, atoms, K, d) : undefined;
  return coder.codeBatch(X, n, lambda, { correlations });
}

const bits = (values: Float32Array) => new Uint32Array(values.buffer, values.byteOffset, values.length);

function assertIdentical(actual: SparseCodes, expected: SparseCodes, what: string): void {
  assert.deepEqual(actual.offsets, expected.offsets, `${what}: rows' sizes`);
  assert.deepEqual(actual.indices, expected.indices, `${what}: atoms`);
  assert.deepEqual(bits(actual.values), bits(expected.values), `${what}: coefficients, bit for bit`);
}

test('on real hidden states of the bundled model, two coder threads give bit for bit the single-threaded codes', async () => {
  const { dictionary, metadata } = readDictionaryFile(join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE));
  const data: LayerStates = await brownHiddenStates(300);
  const gram = await onnxGramMatrix(matMul, dictionary);
  const coder = new SparseCoder(dictionary, { gram });
  const pool = new CoderPool(dictionary, { gram, threads: 2 });
  try {
    for (const [layer, X] of data.states.entries()) {
      const expected = await singleThreaded(coder, X, data.tokens, metadata.lambda);
      assert.ok(expected.values.length > 3 * data.tokens, `${data.layers[layer]}: codes too sparse to test anything`);
      assertIdentical(await pool.codeBatch(X, data.tokens, metadata.lambda), expected, data.layers[layer]);
    }
  } finally {
    await pool.dispose();
  }
});

test('on random data, any number of rows (0, 1, 2, not divisible by the threads) is coded exactly as on one thread', async () => {
  const dictionary: Dictionary = randomDictionary(320, 48, 3);
  const gram = await onnxGramMatrix(matMul, dictionary);
  const coder = new SparseCoder(dictionary, { gram });
  for (const threads of [2, 3]) {
    const pool = new CoderPool(dictionary, { gram, threads });
    try {
      for (const n of [0, 1, 2, 5, 9, 13, 37, 101]) {
        const X = randomVectors(n, 48, 100 + n);
        const expected = await singleThreaded(coder, X, n, 0.05);
        assert.equal(expected.offsets.length, n + 1);
        if (n > 0) assert.ok(expected.values.length >= 2 * n, `n = ${n}: codes too sparse to test anything`);
        assertIdentical(await pool.codeBatch(X, n, 0.05), expected, `${threads} threads, n = ${n}`);
      }
      // Batches in flight at once are each answered with their own rows.
      const batches = [7, 30, 16].map((n) => randomVectors(n, 48, 200 + n));
      const together = await Promise.all(batches.map((X) => pool.codeBatch(X, X.length / 48, 0.05)));
      for (const [b, X] of batches.entries()) assertIdentical(together[b], await singleThreaded(coder, X, X.length / 48, 0.05), `concurrent batch ${b}`);
    } finally {
      await pool.dispose();
    }
  }
});

test('a batch whose size does not match X is refused with the coder’s message', async () => {
  const dictionary = randomDictionary(16, 8, 4);
  const pool = new CoderPool(dictionary, { gram: await onnxGramMatrix(matMul, dictionary), threads: 2 });
  await assert.rejects(pool.codeBatch(new Float32Array(20), 3, 0.1), /X holds 20 values, not 3 × 8/);
  await pool.dispose();
});

const faulty = workerScript(join(__dirname, 'support'), 'faultyCoderWorker');
const tiny = randomDictionary(16, 8, 5);
const rows = (n: number) => randomVectors(n, 8, n);

async function faultyPool(): Promise<CoderPool> {
  return new CoderPool(tiny, { gram: await onnxGramMatrix(matMul, tiny), threads: 2, script: faulty });
}

async function allStopped(pool: CoderPool): Promise<void> {
  for (let i = 0; i < 100 && pool.runningThreads > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(pool.runningThreads, 0, 'worker threads still running');
}

test('a worker that throws rejects the pending request, and every later one, saying what happened; its threads stop', async () => {
  const pool = await faultyPool();
  await assert.rejects(pool.codeBatch(rows(20), 20, 1), { message: 'a sparse-coding worker thread failed: deliberate failure' });
  await assert.rejects(pool.codeBatch(rows(20), 20, 0), { message: 'a sparse-coding worker thread failed: deliberate failure' });
  await allStopped(pool);
  await pool.dispose();
});

test('a worker that exits rejects the pending request with its exit code', async () => {
  const pool = await faultyPool();
  await assert.rejects(pool.codeBatch(rows(20), 20, 2), { message: 'a sparse-coding worker thread stopped (exit code 7)' });
  await allStopped(pool);
  await pool.dispose();
});

test('a request the worker cannot code fails alone: the pool goes on coding', async () => {
  const pool = await faultyPool();
  await assert.rejects(pool.codeBatch(rows(20), 20, 3), { message: 'sparse coding failed in a worker thread: this row cannot be coded' });
  const codes = await pool.codeBatch(rows(20), 20, 0);
  assert.equal(codes.offsets.length, 21);
  assert.equal(pool.runningThreads, 2);
  await pool.dispose();
});

test('dispose() stops the threads and rejects what is still pending', async () => {
  const pool = await faultyPool();
  await pool.codeBatch(rows(8), 8, 0);
  assert.equal(pool.runningThreads, 2);
  const pending = assert.rejects(pool.codeBatch(rows(20), 20, 500), { message: 'the sparse coder was closed' });
  await pool.dispose();
  await pending;
  await assert.rejects(pool.codeBatch(rows(8), 8, 0), { message: 'the sparse coder was closed' });
  assert.equal(pool.runningThreads, 0);
});

test('idle coder threads do not keep a process alive: a script that never disposes of its engine exits', async () => {
  const script = join(__dirname, 'support', 'forgetfulScript.ts');
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], { timeout: 60_000 });
  assert.match(stdout, /decomposed \d+ tokens on 2 coder threads/);
});
