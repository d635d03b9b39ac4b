/** A text change as the editor reports it: characters [offset, offset + length) replaced by `text`. */
export interface TextChange {
  offset: number;
  length: number;
  text: string;
}

/**
 * Where a pinned token's characters are after edits: edits before it shift it, edits after it
 * leave it, and an edit that overlaps it keeps it at the edit's start (the token was rewritten;
 * its place in the text is what stays pinned). Changes are those of one event, each relative to
 * the text before the event, as VS Code reports them.
 */
export function shiftRange(range: { start: number; end: number }, changes: readonly TextChange[]): { start: number; end: number } {
  let { start, end } = range;
  // Apply from the last change to the first, so earlier offsets stay valid.
  for (const change of [...changes].sort((a, b) => b.offset - a.offset)) {
    const changeEnd = change.offset + change.length;
    const delta = change.text.length - change.length;
    if (changeEnd <= start) {
      start += delta;
      end += delta;
    } else if (change.offset >= end) {
      continue;
    } else {
      const newStart = Math.min(start, change.offset);
      const newEnd = Math.max(newStart, end <= changeEnd ? change.offset + change.text.length : end + delta);
      start = newStart;
      end = newEnd;
    }
  }
  return { start, end };
}

/** Versions of a pinned token's place kept: analyses lag edits by a few versions at most. */
const KEPT_VERSIONS = 64;

/**
 * Where a pinned token is in each version of its document since it was pinned. Analyses of a
 * document arrive for versions the editor has already moved past, so the place is looked up by
 * the version an analysis is of, not taken as the latest.
 */
export class PinnedPlace {
  private readonly places = new Map<number, { start: number; end: number }>();
  private latest: number;

  constructor(readonly pinnedVersion: number, start: number, end: number) {
    this.places.set(pinnedVersion, { start, end });
    this.latest = pinnedVersion;
  }

  /** Records the edit that made `version` (each change event makes one new version). */
  edit(version: number, changes: readonly TextChange[]): void {
    if (version <= this.latest) return;
    this.places.set(version, shiftRange(this.places.get(this.latest)!, changes));
    this.latest = version;
    for (const old of this.places.keys()) {
      if (this.places.size <= KEPT_VERSIONS) break;
      this.places.delete(old);
    }
  }

  /** The place in `version`, or undefined for versions before the pin or forgotten. */
  at(version: number): { start: number; end: number } | undefined {
    return this.places.get(version);
  }

  /** Edits between the pin and `version`. */
  editsUntil(version: number): number {
    return Math.max(0, version - this.pinnedVersion);
  }
}
