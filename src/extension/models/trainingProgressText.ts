import type { TrainingProgress } from '../../core/learn/trainDictionary';

const count = new Intl.NumberFormat('en-US');

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return 'estimating…';
  const s = Math.round(seconds);
  if (s >= 3600) return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
  if (s >= 60) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${s} s`;
}

/** The notification line while learning: tokens, speed, reconstruction SNR, sparsity, time left. */
export function trainingMessage(p: TrainingProgress): string {
  const snr = Number.isFinite(p.snrDb) ? `SNR ${p.snrDb.toFixed(1)} dB` : 'SNR –';
  return `${count.format(p.tokens)} tokens · ${count.format(Math.round(p.tokensPerSecond))} tok/s · ${snr} · ${p.meanActive.toFixed(1)} active · ETA ${formatDuration(p.etaSeconds)}`;
}

/**
 * Turns fractions of work done into the increments VS Code's progress wants (percent points,
 * never backwards, never past 100), for a stage that covers [from, to] of the whole bar.
 */
export class ProgressIncrements {
  private reported = 0;

  next(fraction: number, from = 0, to = 1): number {
    const target = Math.min(100, Math.max(0, (from + (to - from) * Math.min(1, Math.max(0, fraction))) * 100));
    const increment = Math.max(0, target - this.reported);
    this.reported += increment;
    return increment;
  }
}
