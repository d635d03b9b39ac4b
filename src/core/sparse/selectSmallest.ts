/**
 * Reorders items[0 .. count) so that its first `want` entries are those with the smallest
 * key[item] (in no particular order): quickselect, O(count) on average, no allocation.
 */
export function selectSmallest(items: Int32Array, count: number, want: number, key: Float32Array | Float64Array): void {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const pivot = key[items[(lo + hi) >> 1]];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (key[items[i]] < pivot) i++;
      while (key[items[j]] > pivot) j--;
      if (i <= j) {
        const t = items[i];
        items[i++] = items[j];
        items[j--] = t;
      }
    }
    // Now items[lo..j] ≤ pivot ≤ items[i..hi]; keep the part holding position want − 1.
    if (want - 1 <= j) hi = j;
    else if (want - 1 >= i) lo = i;
    else return;
  }
}

/**
 * Writes to `out` the indices k < n with the `want` largest values[k] above `floor` (fewer if
 * fewer qualify), skipping those with skip[k] set, in no particular order; returns how many.
 * One pass with a min-heap of the best so far: O(n + want·log(want)·log(n / want)) on average.
 */
export function largestAbove(values: Float32Array, n: number, floor: number, skip: Uint8Array, want: number, out: Int32Array): number {
  if (want <= 0) return 0;
  let size = 0;
  // Once the heap is full, a value must beat its root (the smallest kept) to enter.
  let bar = floor;
  for (let k = 0; k < n; k++) {
    const v = values[k];
    if (!(v > bar) || skip[k]) continue;
    if (size < want) {
      // Sift up.
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (values[out[parent]] <= v) break;
        out[i] = out[parent];
        i = parent;
      }
      out[i] = k;
    } else {
      // Replace the smallest kept and sift down.
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= size) break;
        if (child + 1 < size && values[out[child + 1]] < values[out[child]]) child++;
        if (values[out[child]] >= v) break;
        out[i] = out[child];
        i = child;
      }
      out[i] = k;
    }
    if (size === want) bar = values[out[0]];
  }
  return size;
}
