import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyStats } from '../../../src/core/sparse/activeSet';
import { gramMatrix } from '../../../src/core/sparse/gram';
import { objective } from '../../../src/core/sparse/objective';
import { SparseCoder } from '../../../src/core/sparse/sparseCoder';
import { codeRow, stackSparseVectors } from '../../../src/core/sparse/sparseCodes';
import { bruteForceLasso } from './bruteForceLasso';
import { randomDictionary, randomVectors } from './tinyProblems';

test('x = 0 and λ above every ⟨φ_k, x⟩ give the empty code', () => {
  const dictionary = randomDictionary(8, 6, 1);
  const coder = new SparseCoder(dictionary);
  assert.equal(coder.code(new Float32Array(6), 0.1).indices.length, 0);
  const x = randomVectors(1, 6, 2);
  assert.equal(coder.code(x, 1e6).indices.length, 0);
  assert.equal(coder.codeBatch(new Float32Array(0), 0, 1).offsets.length, 1);
});

test('λ = 0 is non-negative least squares, solved exactly', () => {
  const dictionary = randomDictionary(5, 8, 3, 1);
  const coder = new SparseCoder(dictionary);
  const X = randomVectors(10, 8, 4, 1);
  const codes = coder.codeBatch(X, 10, 0);
  for (let i = 0; i < 10; i++) {
    const x = X.subarray(i * 8, (i + 1) * 8);
    const exact = bruteForceLasso(x, dictionary, 0);
    assert.ok(Math.abs(objective(x, dictionary, codeRow(codes, i), 0) - exact.objective) <= 1e-5 * exact.objective);
  }
});

test('repeated and dependent atoms (a singular Gram matrix) still reach the optimum', () => {
  const base = randomDictionary(6, 5, 5);
  // Atoms 6–8 repeat atoms 0, 3 and 5; with 9 atoms in 5 dimensions every support over 5 is dependent.
  const atoms = new Float32Array(9 * 5);
  atoms.set(base.atoms);
  for (const [to, from] of [[6, 0], [7, 3], [8, 5]]) atoms.set(base.atoms.subarray(from * 5, (from + 1) * 5), to * 5);
  const dictionary = { atoms, atomCount: 9, hiddenSize: 5 };
  const coder = new SparseCoder(dictionary);
  const X = randomVectors(40, 5, 6);
  const stats = emptyStats();
  for (const lambda of [0.0001, 0.01, 0.3]) {
    const codes = coder.codeBatch(X, 40, lambda, { stats });
    for (let i = 0; i < 40; i++) {
      const x = X.subarray(i * 5, (i + 1) * 5);
      const exact = bruteForceLasso(x, dictionary, lambda);
      const value = objective(x, dictionary, codeRow(codes, i), lambda);
      assert.ok(Math.abs(value - exact.objective) <= 1e-5 * exact.objective, `λ=${lambda} row ${i}: ${value} vs ${exact.objective}`);
    }
  }
  assert.equal(stats.unconverged, 0);
});

test('inputs of the wrong size are rejected', () => {
  const coder = new SparseCoder(randomDictionary(4, 3, 7));
  assert.throws(() => coder.codeBatch(new Float32Array(7), 2, 1), /not 2 × 3/);
  assert.throws(() => coder.codeBatch(new Float32Array(6), 2, 1, { warmStarts: stackSparseVectors([]) }), /0 warm starts for 2 rows/);
  assert.throws(() => new SparseCoder(randomDictionary(4, 3, 7), { gram: new Float32Array(4) }), /not 4 × 4/);
});

test('a vector stopped by a safety limit is counted as unconverged and still gets a feasible code', () => {
  const dictionary = randomDictionary(40, 20, 9, 1);
  const X = randomVectors(5, 20, 10, 1);
  const stats = emptyStats();
  const codes = new SparseCoder(dictionary, { maxAdditionsPerSupport: 0.1 }).codeBatch(X, 5, 0.01, { stats });
  assert.equal(stats.unconverged, 5);
  assert.ok(codes.values.every((v) => v > 0));
  const full = emptyStats();
  new SparseCoder(dictionary).codeBatch(X, 5, 0.01, { stats: full });
  assert.equal(full.unconverged, 0);
  assert.ok(full.additions > stats.additions);
});

test('with no KKT tolerance at all, every vector still ends in a few rounds at the optimum (float32 gradient, exact checks)', () => {
  // Every atom twice: the twin of a support atom sits exactly at the optimality threshold, where
  // the float32 gradient may call it violating by rounding alone. The exact double-precision
  // check turns it away, and that must end the vector, not start another round.
  const base = randomDictionary(150, 48, 21, 1);
  const atoms = new Float32Array(300 * 48);
  atoms.set(base.atoms);
  atoms.set(base.atoms, 150 * 48);
  const dictionary = { atoms, atomCount: 300, hiddenSize: 48 };
  const X = randomVectors(40, 48, 22, 3).map((v) => 100 * v);
  const stats = emptyStats();
  const codes = new SparseCoder(dictionary, { tolerance: 0 }).codeBatch(X, 40, 0.5, { stats });
  assert.ok(stats.rounds / stats.vectors < 10, `${stats.rounds / stats.vectors} rounds per vector`);
  const reference = new SparseCoder(base).codeBatch(X, 40, 0.5);
  for (let i = 0; i < 40; i++) {
    const x = X.subarray(i * 48, (i + 1) * 48);
    const f = objective(x, dictionary, codeRow(codes, i), 0.5);
    const g = objective(x, base, codeRow(reference, i), 0.5);
    assert.ok(Math.abs(f - g) <= 1e-6 * g, `row ${i}: ${f} vs ${g}`);
  }
});

test('a coder retargeted to an updated dictionary codes exactly as a new coder for it; another shape is refused', () => {
  const before = randomDictionary(30, 10, 31, 1);
  const after = randomDictionary(30, 10, 32, 1);
  const X = randomVectors(20, 10, 33, 1);
  const coder = new SparseCoder(before);
  coder.codeBatch(X, 20, 0.05);
  coder.retarget(after, gramMatrix(after));
  assert.equal(coder.dictionary, after);
  assert.deepEqual(coder.codeBatch(X, 20, 0.05), new SparseCoder(after).codeBatch(X, 20, 0.05));
  assert.notDeepEqual(new SparseCoder(before).codeBatch(X, 20, 0.05), new SparseCoder(after).codeBatch(X, 20, 0.05));
  assert.throws(() => coder.retarget(randomDictionary(31, 10, 34), new Float32Array(31 * 31)), /for 30 atoms of size 10, not 31 of size 10/);
});
