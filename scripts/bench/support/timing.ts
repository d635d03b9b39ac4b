export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Seconds since `from` (a performance.now() reading). */
export const secondsSince = (from: number): number => (performance.now() - from) / 1000;

/** Runs `once` `runs` times and returns each run's result with its wall time in seconds. */
export async function repeat<T>(runs: number, once: () => Promise<T> | T): Promise<Array<{ seconds: number; result: T }>> {
  const out: Array<{ seconds: number; result: T }> = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const result = await once();
    out.push({ seconds: secondsSince(start), result });
  }
  return out;
}

/**
 * CPU seconds (user + system, this process) of each of `count` tasks over `runs` runs, the order
 * reversed every other run so that load on the machine falls on all of them alike.
 */
export function alternatingCpuSeconds(count: number, runs: number, task: (i: number) => void): number[][] {
  const seconds = Array.from({ length: count }, () => [] as number[]);
  const order = [...Array(count).keys()];
  for (let run = 0; run < runs; run++) {
    for (const i of run % 2 ? [...order].reverse() : order) {
      const before = process.cpuUsage();
      task(i);
      const used = process.cpuUsage(before);
      seconds[i].push((used.user + used.system) / 1e6);
    }
  }
  return seconds;
}
