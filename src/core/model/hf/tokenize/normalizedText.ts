/**
 * A text after a tokenizer's normaliser, with, for each of its UTF-16 indexes, the original
 * characters it comes from: [sourceStart, sourceEnd) in the original text.
 */
export interface NormalizedText {
  normalized: string;
  sourceStart: Uint32Array;
  sourceEnd: Uint32Array;
}

export type Normalize = (text: string) => string;

const SEGMENT = /\s+|[^\s]+/gu;
const MAX_CACHED_SEGMENTS = 50_000;

/**
 * Normalises a text piece by piece so that every normalised character can be traced back.
 * Runs of white space and of other characters are normalised separately; within a run, each
 * code point is normalised alone when that gives the same result as the whole run (lower-casing,
 * accent stripping, NFKC of most text), and otherwise code points are grouped as little as
 * possible (composition, final sigma) or, failing that, the run is one unit. A code point that
 * normalises to nothing (a stripped accent, a control character) joins the character before it.
 */
export class TextNormalizer {
  private readonly codePoints = new Map<string, string>();
  private readonly segments = new Map<string, SegmentUnits>();

  constructor(private readonly normalize: Normalize) {}

  run(text: string): NormalizedText {
    const segments: Array<{ at: number; units: SegmentUnits }> = [];
    let length = 0;
    for (const match of text.matchAll(SEGMENT)) {
      const units = this.segment(match[0]);
      segments.push({ at: match.index, units });
      length += units.normalized.length;
    }
    const sourceStart = new Uint32Array(length);
    const sourceEnd = new Uint32Array(length);
    let offset = 0;
    for (const { at, units } of segments) {
      for (let i = 0; i < units.normalized.length; i++) {
        sourceStart[offset + i] = at + units.unitStarts[i];
        sourceEnd[offset + i] = at + units.unitEnds[i];
      }
      offset += units.normalized.length;
    }
    return { normalized: segments.map((s) => s.units.normalized).join(''), sourceStart, sourceEnd };
  }

  private segment(text: string): SegmentUnits {
    let units = this.segments.get(text);
    if (!units) {
      units = this.align(text);
      if (this.segments.size >= MAX_CACHED_SEGMENTS) this.segments.clear();
      this.segments.set(text, units);
    }
    return units;
  }

  private align(text: string): SegmentUnits {
    const whole = this.normalize(text);
    if (whole === text) return identity(text);
    const chars = Array.from(text);
    const pieces = chars.map((char) => this.codePoint(char));
    if (pieces.join('') === whole) return unitsOf(chars, pieces);
    return this.grouped(chars, whole);
  }

  /** Groups code points that only normalise right together (e + ◌́ → é; Σ at a word's end → ς). */
  private grouped(chars: string[], whole: string): SegmentUnits {
    const units: string[] = [];
    const pieces: string[] = [];
    for (const char of chars) {
      const last = units.length - 1;
      const joined = last >= 0 ? this.normalize(units[last] + char) : '';
      if (last >= 0 && joined !== pieces[last] + this.codePoint(char)) {
        units[last] += char;
        pieces[last] = joined;
      } else {
        units.push(char);
        pieces.push(this.codePoint(char));
      }
    }
    return pieces.join('') === whole ? unitsOf(units, pieces) : unitsOf([chars.join('')], [whole]);
  }

  private codePoint(char: string): string {
    let normalized = this.codePoints.get(char);
    if (normalized === undefined) {
      normalized = this.normalize(char);
      this.codePoints.set(char, normalized);
    }
    return normalized;
  }
}

interface SegmentUnits {
  normalized: string;
  unitStarts: Uint32Array;
  unitEnds: Uint32Array;
}

function identity(text: string): SegmentUnits {
  const unitStarts = new Uint32Array(text.length);
  const unitEnds = new Uint32Array(text.length);
  for (let i = 0; i < text.length; ) {
    const size = text.codePointAt(i)! > 0xffff ? 2 : 1;
    unitStarts.fill(i, i, i + size);
    unitEnds.fill(i + size, i, i + size);
    i += size;
  }
  return { normalized: text, unitStarts, unitEnds };
}

/** Source units and their normalised forms → per normalised index, the unit's span. */
function unitsOf(units: string[], pieces: string[]): SegmentUnits {
  const normalized = pieces.join('');
  const unitStarts = new Uint32Array(normalized.length);
  const unitEnds = new Uint32Array(normalized.length);
  let source = 0;
  let at = 0;
  for (let k = 0; k < units.length; k++) {
    const end = source + units[k].length;
    if (pieces[k].length === 0) {
      // Nothing left of it: the previous character's span takes it in.
      if (at > 0) {
        for (let i = at - 1; i >= 0 && unitStarts[i] === unitStarts[at - 1]; i--) unitEnds[i] = end;
      }
    } else {
      unitStarts.fill(source, at, at + pieces[k].length);
      unitEnds.fill(end, at, at + pieces[k].length);
      at += pieces[k].length;
    }
    source = end;
  }
  return { normalized, unitStarts, unitEnds };
}
