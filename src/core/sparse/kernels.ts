/**
 * The few dense products sparse coding needs, on row-major Float32Array matrices. Sums are
 * accumulated in double precision (JavaScript numbers) and rounded once when stored.
 */

/**
 * C ← scale·A·Bᵀ (+ C when `accumulate`), A [m × p], B [q × p], C [m × q]: every entry a dot
 * product of two contiguous rows. Rows of A and B are taken four by four so that each value
 * loaded feeds four products (a 4 × 4 register block); B is walked in panels that stay in cache.
 */
export function multiplyTransposed(
  A: Float32Array, B: Float32Array, C: Float32Array | Float64Array,
  m: number, q: number, p: number,
  scale = 1, accumulate = false,
): void {
  const panel = Math.max(4, Math.floor(32768 / Math.max(1, p)) & ~3);
  for (let j0 = 0; j0 < q; j0 += panel) {
    const j1 = Math.min(q, j0 + panel);
    for (let i = 0; i < m; i += 4) {
      const rows = Math.min(4, m - i);
      if (rows === 4) block4(A, B, C, i, j0, j1, q, p, scale, accumulate);
      else for (let r = 0; r < rows; r++) block1(A, B, C, i + r, j0, j1, q, p, scale, accumulate);
    }
  }
}

function block4(
  A: Float32Array, B: Float32Array, C: Float32Array | Float64Array,
  i: number, j0: number, j1: number, q: number, p: number, scale: number, accumulate: boolean,
): void {
  const a0 = i * p;
  const a1 = a0 + p;
  const a2 = a1 + p;
  const a3 = a2 + p;
  let j = j0;
  for (; j + 4 <= j1; j += 4) {
    const b0 = j * p;
    const b1 = b0 + p;
    const b2 = b1 + p;
    const b3 = b2 + p;
    let s00 = 0, s01 = 0, s02 = 0, s03 = 0;
    let s10 = 0, s11 = 0, s12 = 0, s13 = 0;
    let s20 = 0, s21 = 0, s22 = 0, s23 = 0;
    let s30 = 0, s31 = 0, s32 = 0, s33 = 0;
    for (let h = 0; h < p; h++) {
      const x0 = A[a0 + h], x1 = A[a1 + h], x2 = A[a2 + h], x3 = A[a3 + h];
      const y0 = B[b0 + h], y1 = B[b1 + h], y2 = B[b2 + h], y3 = B[b3 + h];
      s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
      s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
      s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
      s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3;
    }
    store4(C, i * q + j, scale, accumulate, s00, s01, s02, s03);
    store4(C, (i + 1) * q + j, scale, accumulate, s10, s11, s12, s13);
    store4(C, (i + 2) * q + j, scale, accumulate, s20, s21, s22, s23);
    store4(C, (i + 3) * q + j, scale, accumulate, s30, s31, s32, s33);
  }
  for (; j < j1; j++) {
    const b0 = j * p;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let h = 0; h < p; h++) {
      const y = B[b0 + h];
      s0 += A[a0 + h] * y; s1 += A[a1 + h] * y; s2 += A[a2 + h] * y; s3 += A[a3 + h] * y;
    }
    store1(C, i * q + j, scale, accumulate, s0);
    store1(C, (i + 1) * q + j, scale, accumulate, s1);
    store1(C, (i + 2) * q + j, scale, accumulate, s2);
    store1(C, (i + 3) * q + j, scale, accumulate, s3);
  }
}

function block1(
  A: Float32Array, B: Float32Array, C: Float32Array | Float64Array,
  i: number, j0: number, j1: number, q: number, p: number, scale: number, accumulate: boolean,
): void {
  const a0 = i * p;
  for (let j = j0; j < j1; j++) {
    const b0 = j * p;
    let s = 0;
    for (let h = 0; h < p; h++) s += A[a0 + h] * B[b0 + h];
    store1(C, i * q + j, scale, accumulate, s);
  }
}

function store4(C: Float32Array | Float64Array, at: number, scale: number, accumulate: boolean, s0: number, s1: number, s2: number, s3: number): void {
  if (accumulate) {
    C[at] += scale * s0; C[at + 1] += scale * s1; C[at + 2] += scale * s2; C[at + 3] += scale * s3;
  } else {
    C[at] = scale * s0; C[at + 1] = scale * s1; C[at + 2] = scale * s2; C[at + 3] = scale * s3;
  }
}

function store1(C: Float32Array | Float64Array, at: number, scale: number, accumulate: boolean, s: number): void {
  if (accumulate) C[at] += scale * s;
  else C[at] = scale * s;
}

/**
 * R ← X − Y·B, X and R [m × p], Y [m × k], B [k × p]: each row of R starts as X's and takes off
 * y·(row of B) for the non-zero y of its row of Y only (four at a time, so the row is read and
 * written once per four), so a sparse Y costs its non-zeros. R may be X itself.
 */
export function subtractProduct(
  X: Float32Array, Y: Float32Array, B: Float32Array, R: Float32Array,
  m: number, k: number, p: number,
): void {
  const row = new Float64Array(p);
  const at = new Int32Array(k);
  const ys = new Float64Array(k);
  for (let i = 0; i < m; i++) {
    let nonzeros = 0;
    for (let c = 0; c < k; c++) {
      const y = Y[i * k + c];
      if (y !== 0) {
        at[nonzeros] = c * p;
        ys[nonzeros++] = y;
      }
    }
    const x0 = i * p;
    for (let h = 0; h < p; h++) row[h] = X[x0 + h];
    let t = 0;
    for (; t + 4 <= nonzeros; t += 4) {
      const b0 = at[t], b1 = at[t + 1], b2 = at[t + 2], b3 = at[t + 3];
      const y0 = ys[t], y1 = ys[t + 1], y2 = ys[t + 2], y3 = ys[t + 3];
      for (let h = 0; h < p; h++) row[h] -= y0 * B[b0 + h] + y1 * B[b1 + h] + y2 * B[b2 + h] + y3 * B[b3 + h];
    }
    for (; t < nonzeros; t++) {
      const b0 = at[t];
      const y = ys[t];
      for (let h = 0; h < p; h++) row[h] -= y * B[b0 + h];
    }
    for (let h = 0; h < p; h++) R[x0 + h] = row[h];
  }
}

/** Aᵀ: A [m × p] row-major → [p × m] row-major. */
export function transpose(A: Float32Array, m: number, p: number): Float32Array {
  const T = new Float32Array(m * p);
  for (let i = 0; i < m; i++) for (let h = 0; h < p; h++) T[h * m + i] = A[i * p + h];
  return T;
}
