import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Dictionary } from '../../../src/core/dictionary/dictionary';
import { emptyStats } from '../../../src/core/sparse/activeSet';
import { fistaNonNegative } from '../../../src/core/sparse/fista';
import { batchObjectives, objective, relativeResidual } from '../../../src/core/sparse/objective';
import { SparseCoder } from '../../../src/core/sparse/sparseCoder';
import { codeRow, stackSparseVectors, type SparseCodes, type SparseVector } from '../../../src/core/sparse/sparseCodes';
import { kktViolations } from './kkt';
import { brownHiddenStates, dictionaryOfSamples, seededRandom, type LayerStates } from './realHiddenStates';
import { randomDictionary } from './tinyProblems';

// Real hidden states of the bundled model: the first TOKENS tokens are coded; the rest of the
// text (every layer) supplies the atoms, with some random atoms mixed in.
const TOKENS = 24;
const LAMBDAS = [0.3, 3];
let data: LayerStates;
let dictionary: Dictionary;
let coder: SparseCoder;
let d: number;

before(async () => {
  data = await brownHiddenStates(300);
  d = data.hiddenSize;
  const sampled = dictionaryOfSamples(data.states.map((s) => s.subarray(TOKENS * d)), d, 448, 7);
  const random = randomDictionary(64, d, 8);
  const atoms = new Float32Array(512 * d);
  atoms.set(sampled.atoms);
  atoms.set(random.atoms, 448 * d);
  dictionary = { atoms, atomCount: 512, hiddenSize: d };
  coder = new SparseCoder(dictionary);
});

const rowsOf = (X: Float32Array) => X.subarray(0, TOKENS * d);
const vector = (X: Float32Array, i: number) => X.subarray(i * d, (i + 1) * d);

test('codes of real hidden states meet KKT at every layer: g_k + λ = 0, α_k > 0 on the support, g_k + λ ≥ 0 off it', () => {
  const tolerance = 1e-6;
  for (const lambda of LAMBDAS) {
    for (const [layer, X] of data.states.entries()) {
      const stats = emptyStats();
      const codes = coder.codeBatch(rowsOf(X), TOKENS, lambda, { stats });
      // The coder says it converged, after a few rounds (full KKT checks) per vector.
      assert.equal(stats.unconverged, 0);
      assert.ok(stats.rounds <= 20 * TOKENS, `${stats.rounds} rounds for ${TOKENS} vectors`);
      assert.ok(codes.offsets[TOKENS] > 2 * TOKENS, `${data.layers[layer]} λ=${lambda}: codes too sparse to test anything`);
      for (let i = 0; i < TOKENS; i++) {
        const row = codeRow(codes, i);
        const v = kktViolations(vector(X, i), dictionary, row, lambda);
        const where = `${data.layers[layer]} λ=${lambda} token ${i}`;
        assert.equal(v.nonPositive, 0, where);
        assert.ok(v.active <= tolerance, `${where}: |g_k + λ| = ${v.active}·‖x‖ on the support`);
        assert.ok(v.inactive <= tolerance, `${where}: g_k + λ = −${v.inactive}·‖x‖ off the support`);
        assert.ok(row.indices.every((k, j) => j === 0 || k > row.indices[j - 1]), 'ascending indices');
      }
    }
  }
});

test('each row\'s relative residual from the Gram matrix equals ‖x − Φα‖ / ‖x‖ reconstructed from the atoms', () => {
  let rows = 0;
  let clear = 0;
  for (const lambda of [0.01, ...LAMBDAS]) {
    for (const [layer, X] of data.states.entries()) {
      const codes = coder.codeBatch(rowsOf(X), TOKENS, lambda);
      assert.equal(codes.relativeResiduals?.length, TOKENS);
      for (let i = 0; i < TOKENS; i++) {
        const direct = relativeResidual(vector(X, i), dictionary, codeRow(codes, i));
        // ‖x‖² − 2bᵀα + αᵀGα cancels: float32 b and G leave ~1e-7·‖x‖² in ‖r‖², so a residual near 0 is known to ~3e-4.
        const allowed = direct > 0.01 ? 1e-5 : 1e-3;
        if (direct > 0.01) clear++;
        rows++;
        assert.ok(Math.abs(codes.relativeResiduals![i] - direct) <= allowed, `${data.layers[layer]} λ=${lambda} token ${i}: ${codes.relativeResiduals![i]} vs ${direct}`);
      }
    }
  }
  assert.ok(clear >= rows / 2, `${clear} of ${rows} rows have a residual well above rounding`);
});

function assertSameCodes(actual: SparseCodes, expected: SparseCodes, X: Float32Array, lambda: number, what: string): void {
  const n = expected.offsets.length - 1;
  const a = batchObjectives(X, n, dictionary, actual, lambda);
  const e = batchObjectives(X, n, dictionary, expected, lambda);
  for (let i = 0; i < n; i++) {
    assert.ok(Math.abs(a[i] - e[i]) <= 1e-7 * e[i], `${what}, row ${i}: objective ${a[i]} vs ${e[i]}`);
    const ra = codeRow(actual, i);
    const re = codeRow(expected, i);
    assert.deepEqual(Array.from(ra.indices), Array.from(re.indices), `${what}, row ${i}: support`);
    re.values.forEach((v, j) => assert.ok(Math.abs(ra.values[j] - v) <= 1e-4 * (1 + v), `${what}, row ${i}: α ${ra.values[j]} vs ${v}`));
  }
}

test('warm starts (previous layer, neighbouring token, the answer itself, a poor guess) give the cold-start solution', () => {
  const random = seededRandom(11);
  for (const lambda of LAMBDAS) {
    const cold = data.states.map((X) => coder.codeBatch(rowsOf(X), TOKENS, lambda));
    for (let layer = 1; layer < data.states.length; layer++) {
      const X = rowsOf(data.states[layer]);
      assertSameCodes(coder.codeBatch(X, TOKENS, lambda, { warmStarts: cold[layer - 1] }), cold[layer], X, lambda, `λ=${lambda} layer ${layer} from layer below`);
      const neighbours = stackSparseVectors(Array.from({ length: TOKENS }, (_, i) => codeRow(cold[layer], (i + 1) % TOKENS)));
      assertSameCodes(coder.codeBatch(X, TOKENS, lambda, { warmStarts: neighbours }), cold[layer], X, lambda, `λ=${lambda} layer ${layer} from next token`);
      assertSameCodes(coder.codeBatch(X, TOKENS, lambda, { warmStarts: cold[layer] }), cold[layer], X, lambda, `λ=${lambda} layer ${layer} from itself`);
      const guesses: SparseVector[] = Array.from({ length: TOKENS }, () => {
        const indices = [...new Set(Array.from({ length: 40 }, () => Math.floor(random() * dictionary.atomCount)))].sort((a, b) => a - b);
        return { indices: Uint32Array.from(indices), values: Float32Array.from(indices, () => 5 * random()) };
      });
      assertSameCodes(coder.codeBatch(X, TOKENS, lambda, { warmStarts: stackSparseVectors(guesses) }), cold[layer], X, lambda, `λ=${lambda} layer ${layer} from a guess`);
    }
  }
});

test('the batch API gives exactly the per-vector API\'s codes', () => {
  const X = rowsOf(data.states[2]);
  const batch = coder.codeBatch(X, TOKENS, 1);
  for (let i = 0; i < TOKENS; i++) {
    const single = coder.code(vector(X, i), 1);
    const row = codeRow(batch, i);
    assert.deepEqual(single.indices, row.indices);
    assert.deepEqual(single.values, row.values);
  }
});

test('the coder is never worse than FISTA-500 on real hidden states and within 1e-3 relative of it overall', () => {
  const n = 4;
  for (const [layer, Xall] of data.states.entries()) {
    const X = Xall.subarray(0, n * d);
    const fista = batchObjectives(X, n, dictionary, fistaNonNegative(dictionary, X, n, 0.3).alpha, 0.3);
    const fast = batchObjectives(X, n, dictionary, coder.codeBatch(X, n, 0.3), 0.3);
    let sumFista = 0;
    let sumFast = 0;
    for (let i = 0; i < n; i++) {
      assert.ok(fast[i] <= fista[i] * (1 + 1e-7), `${data.layers[layer]} token ${i}: coder ${fast[i]} above FISTA-500 ${fista[i]}`);
      sumFista += fista[i];
      sumFast += fast[i];
    }
    assert.ok((sumFista - sumFast) / sumFista <= 1e-3, `${data.layers[layer]}: FISTA-500 is ${(sumFista - sumFast) / sumFista} above the coder`);
  }
});

test('a planted sparse non-negative code is recovered exactly with λ small (support and values)', () => {
  const planted = randomDictionary(1024, d, 21);
  const plantedCoder = new SparseCoder(planted);
  const random = seededRandom(22);
  const lambda = 0.01;
  for (let trial = 0; trial < 20; trial++) {
    const support = [...new Set(Array.from({ length: 12 }, () => Math.floor(random() * 1024)))].sort((a, b) => a - b);
    const truth = support.map(() => 1 + 4 * random());
    const x = new Float32Array(d);
    support.forEach((k, j) => { for (let h = 0; h < d; h++) x[h] += truth[j] * planted.atoms[k * d + h]; });
    const code = plantedCoder.code(x, lambda);
    assert.deepEqual(Array.from(code.indices), support, `trial ${trial}`);
    code.values.forEach((v, j) => assert.ok(Math.abs(v - truth[j]) <= 0.05, `trial ${trial}: α ${v} vs planted ${truth[j]}`));
    assert.ok(objective(x, planted, code, lambda) <= objective(x, planted, { indices: Uint32Array.from(support), values: Float32Array.from(truth) }, lambda));
  }
});
