/** What @huggingface/transformers reports while it loads a model's files. */
export interface LoaderEvent {
  status: string;
  file?: string;
  loaded?: number;
  total?: number;
}

/** Progress of a whole model download, summed over its files. */
export interface DownloadProgress {
  /** The file that moved last. */
  file: string;
  loaded: number;
  /** Bytes of all files whose size is known so far. */
  total: number;
  /** loaded / total, 0 until a size is known. */
  fraction: number;
  filesDone: number;
  files: number;
}

/** Sums per-file download events into one figure for a progress bar. */
export class DownloadProgressTracker {
  private readonly files = new Map<string, { loaded: number; total: number; done: boolean }>();

  update(event: LoaderEvent): DownloadProgress | undefined {
    const file = event.file;
    if (!file) return undefined;
    const entry = this.files.get(file) ?? { loaded: 0, total: 0, done: false };
    if (event.status === 'progress') {
      entry.loaded = event.loaded ?? entry.loaded;
      entry.total = event.total ?? entry.total;
    } else if (event.status === 'done') {
      entry.done = true;
      entry.loaded = Math.max(entry.loaded, entry.total);
    } else if (event.status !== 'initiate' && event.status !== 'download') {
      return undefined;
    }
    this.files.set(file, entry);
    let loaded = 0;
    let total = 0;
    let filesDone = 0;
    for (const f of this.files.values()) {
      loaded += f.loaded;
      total += f.total;
      if (f.done) filesDone++;
    }
    return { file, loaded, total, fraction: total > 0 ? Math.min(1, loaded / total) : 0, filesDone, files: this.files.size };
  }
}
