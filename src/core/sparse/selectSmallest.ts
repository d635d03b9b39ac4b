/**
 * Reorders items[0 .. count) so that its first `want` entries are those with the smallest
 * key[item] (in no particular order): quickselect, O(count) on average, no allocation.
 */
export function selectSmallest(items: Int32Array, count: number, want: number, key: Float64Array): void {
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
