/** Rows [start, end) of a batch. */
export interface RowRange {
  start: number;
  end: number;
}

/** Batches under twice this stay whole: splitting them saves less than a worker's round trip costs. */
const MIN_CHUNK_ROWS = 8;

/**
 * Splits n rows into contiguous chunks, one per worker, of near-equal size (differing by at most
 * one row), in order. One chunk each, not finer ones for balance: a batch (one depth of one model
 * run, ~100 rows) takes milliseconds to code, and each extra chunk's round trip (two thread
 * wake-ups, one more GEMM call) cost more than balancing won — 4 chunks per worker measured ~20 %
 * slower on 2 shared cores. A batch of several rows never yields a one-row chunk: ONNX Runtime's
 * GEMM takes a matrix–vector path for a single row, whose sums can differ from the batched ones
 * in the last bit, and the pool must code exactly as the single-threaded coder on the whole batch.
 */
export function rowChunks(n: number, workers: number): RowRange[] {
  if (n <= 0) return [];
  const count = Math.max(1, Math.min(workers, Math.floor(n / MIN_CHUNK_ROWS)));
  const base = Math.floor(n / count);
  const extra = n % count;
  const chunks: RowRange[] = [];
  let start = 0;
  for (let c = 0; c < count; c++) {
    const end = start + base + (c < extra ? 1 : 0);
    chunks.push({ start, end });
    start = end;
  }
  return chunks;
}
