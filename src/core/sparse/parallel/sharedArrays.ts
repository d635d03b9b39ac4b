/** A copy of `values` in a SharedArrayBuffer: posted to worker threads, it is shared, not copied. */
export function sharedCopy(values: Float32Array): Float32Array {
  const shared = new Float32Array(new SharedArrayBuffer(values.byteLength));
  shared.set(values);
  return shared;
}

export function isShared(values: Float32Array): boolean {
  return values.buffer instanceof SharedArrayBuffer;
}
