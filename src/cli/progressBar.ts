/** A one-line progress display on stderr: redrawn in place on a terminal, a line every few seconds otherwise. */
export class ProgressBar {
  private lastLine = 0;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr, private readonly width = 28) {}

  update(fraction: number, detail: string): void {
    const filled = Math.round(Math.min(1, Math.max(0, fraction)) * this.width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(this.width - filled)}] ${(fraction * 100).toFixed(1).padStart(5)}% ${detail}`;
    if (this.stream.isTTY) {
      this.stream.write(`\r${line.slice(0, (this.stream.columns ?? 120) - 1)}\x1b[K`);
    } else if (Date.now() - this.lastLine > 5000 || fraction >= 1) {
      this.stream.write(line + '\n');
      this.lastLine = Date.now();
    }
  }

  done(): void {
    if (this.stream.isTTY) this.stream.write('\n');
  }
}

export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
