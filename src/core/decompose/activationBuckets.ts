/**
 * Shading by activation with a small, fixed set of decoration types: each token's activation,
 * relative to the strongest in view, falls into one of `levels` buckets (0 = not shown).
 */
export function bucketActivations(values: Float32Array, levels: number, scale = maxOf(values)): Uint8Array {
  const buckets = new Uint8Array(values.length);
  if (!(scale > 0)) return buckets;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v > 0) buckets[i] = Math.min(levels, Math.max(1, Math.ceil((v / scale) * levels)));
  }
  return buckets;
}

export function maxOf(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max;
}

/** Opacity of bucket b of `levels`: from faint to strong, never fully opaque so text stays readable. */
export function bucketOpacity(bucket: number, levels: number): number {
  return 0.12 + (0.6 * (bucket - 1)) / Math.max(1, levels - 1);
}
