import { SeededRandom } from '../learn/random';

/** A fixed random subset of `count` items (all when count is 0 or larger), kept in corpus order. */
export function sampleInOrder<T>(items: readonly T[], count: number, seed: number): T[] {
  if (!count || count >= items.length) return [...items];
  const chosen = new SeededRandom(seed).shuffle(items.map((_, i) => i)).slice(0, count).sort((a, b) => a - b);
  return chosen.map((i) => items[i]);
}
