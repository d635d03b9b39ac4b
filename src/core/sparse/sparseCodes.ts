/** One vector's sparse code: the active atoms in ascending order and their coefficients. */
export interface SparseVector {
  indices: Uint32Array;
  values: Float32Array;
}

/**
 * Sparse codes of n vectors in CSR form: row i's atoms are indices[offsets[i] .. offsets[i+1])
 * (ascending) with coefficients values[same range].
 */
export interface SparseCodes {
  offsets: Uint32Array;
  indices: Uint32Array;
  values: Float32Array;
  /** ‖x − Φα‖ / ‖x‖ of each row, when the coder worked it out alongside (SparseCoder does). */
  relativeResiduals?: Float32Array;
}

export function rowCount(codes: SparseCodes): number {
  return codes.offsets.length - 1;
}

export function countNonzeros(codes: SparseCodes): number {
  return codes.offsets[codes.offsets.length - 1];
}

/** Row i as views into the codes (no copy). */
export function codeRow(codes: SparseCodes, i: number): SparseVector {
  const from = codes.offsets[i];
  const to = codes.offsets[i + 1];
  return { indices: codes.indices.subarray(from, to), values: codes.values.subarray(from, to) };
}

/** Row-major dense [n × atomCount]. */
export function sparseCodesToDense(codes: SparseCodes, atomCount: number): Float32Array {
  const n = rowCount(codes);
  const dense = new Float32Array(n * atomCount);
  for (let i = 0; i < n; i++) {
    for (let j = codes.offsets[i]; j < codes.offsets[i + 1]; j++) dense[i * atomCount + codes.indices[j]] = codes.values[j];
  }
  return dense;
}

/** The non-zeros of a row-major dense [n × atomCount] matrix. */
export function denseToSparseCodes(dense: ArrayLike<number>, n: number, atomCount: number): SparseCodes {
  let nonzeros = 0;
  for (let i = 0; i < n * atomCount; i++) if (dense[i] !== 0) nonzeros++;
  const offsets = new Uint32Array(n + 1);
  const indices = new Uint32Array(nonzeros);
  const values = new Float32Array(nonzeros);
  let at = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < atomCount; k++) {
      const v = dense[i * atomCount + k];
      if (v !== 0) {
        indices[at] = k;
        values[at++] = v;
      }
    }
    offsets[i + 1] = at;
  }
  return { offsets, indices, values };
}

/** Concatenates rows given one by one into CSR form. */
export function stackSparseVectors(rows: readonly SparseVector[]): SparseCodes {
  const offsets = new Uint32Array(rows.length + 1);
  rows.forEach((row, i) => { offsets[i + 1] = offsets[i] + row.indices.length; });
  const indices = new Uint32Array(offsets[rows.length]);
  const values = new Float32Array(offsets[rows.length]);
  rows.forEach((row, i) => {
    indices.set(row.indices, offsets[i]);
    values.set(row.values, offsets[i]);
  });
  return { offsets, indices, values };
}
