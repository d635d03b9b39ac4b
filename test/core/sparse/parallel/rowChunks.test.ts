import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rowChunks } from '../../../../src/core/sparse/parallel/rowChunks';

test('rows are split into contiguous chunks in order, one per worker at most, sizes within one row, never one row out of several', () => {
  assert.deepEqual(rowChunks(0, 2), []);
  assert.deepEqual(rowChunks(1, 2), [{ start: 0, end: 1 }]);
  for (const workers of [1, 2, 3, 4]) {
    for (let n = 1; n <= 300; n++) {
      const chunks = rowChunks(n, workers);
      assert.equal(chunks[0].start, 0);
      assert.equal(chunks.at(-1)!.end, n);
      chunks.forEach((c, i) => i > 0 && assert.equal(c.start, chunks[i - 1].end));
      const sizes = chunks.map((c) => c.end - c.start);
      assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `n = ${n}: ${sizes}`);
      if (n > 1) assert.ok(Math.min(...sizes) >= 2, `n = ${n}, ${workers} workers: a one-row chunk`);
      if (n >= 16 * workers) assert.equal(chunks.length, workers, `n = ${n}: every worker gets a part`);
      assert.ok(chunks.length <= workers);
    }
  }
});
