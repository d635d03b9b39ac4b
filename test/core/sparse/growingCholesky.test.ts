import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GrowingCholesky } from '../../../src/core/sparse/growingCholesky';
import { gramMatrix } from '../../../src/core/sparse/gram';
import { solveLinear } from './bruteForceLasso';
import { randomDictionary } from './tinyProblems';

test('the factor solves G_PP s = c (given or tracked) exactly as atoms join and leave in any order', () => {
  const K = 12;
  const G = gramMatrix(randomDictionary(K, 20, 9, 1));
  const cholesky = new GrowingCholesky(K);
  const P: number[] = [];
  // The tracked right-hand side: c_k = sin(k + 1), given as atom k joins.
  const c = (k: number) => Math.sin(k + 1);
  const join = (k: number) => {
    assert.ok(cholesky.append(P.map((j) => G[k * K + j]), G[k * K + k], c(k)));
    P.push(k);
  };
  const check = () => {
    const expected = solveLinear(P.map((j) => P.map((k) => G[j * K + k])), P.map(c))!;
    const out = cholesky.solve(P.map(c), new Float64Array(K));
    const tracked = cholesky.solveTracked(new Float64Array(K));
    expected.forEach((v, i) => {
      assert.ok(Math.abs(out[i] - v) <= 1e-8 * (1 + Math.abs(v)), `P=${P}: ${out[i]} vs ${v}`);
      assert.ok(Math.abs(tracked[i] - v) <= 1e-8 * (1 + Math.abs(v)), `P=${P}, tracked: ${tracked[i]} vs ${v}`);
    });
  };
  for (const k of [3, 7, 0, 11, 5, 9]) {
    join(k);
    check();
  }
  for (const position of [2, 0, 3]) {
    cholesky.remove(position);
    P.splice(position, 1);
    check();
  }
  join(2);
  check();
  cholesky.remove(P.length - 1);
  P.pop();
  check();
  assert.equal(cholesky.size, P.length);
});

test('an atom in the span of the others is refused and leaves the factor unchanged', () => {
  // Three atoms in a 2-dimensional space: the third is a combination of the first two.
  const atoms = new Float32Array([1, 0, 0, 1, Math.SQRT1_2, Math.SQRT1_2]);
  const G = gramMatrix({ atoms, atomCount: 3, hiddenSize: 2 });
  const cholesky = new GrowingCholesky(3);
  assert.ok(cholesky.append([], G[0]));
  assert.ok(cholesky.append([G[3]], G[4]));
  assert.equal(cholesky.append([G[6], G[7]], G[8]), false);
  assert.equal(cholesky.size, 2);
  assert.deepEqual(Array.from(cholesky.solve([2, 3], new Float64Array(2))), [2, 3]);
});
