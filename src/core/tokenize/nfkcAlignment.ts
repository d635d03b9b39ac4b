/**
 * The NFKC form of a text and, for each of its UTF-16 indexes, the original characters it comes
 * from. NFKC can expand a character (ligature ﬁ → fi, ½ → 1⁄4, ´ → space + ◌́) or compose several
 * (e + ◌́ → é), so an index maps to a whole original unit: a character, with the marks NFKC
 * composes into it. Surrogate pairs always stay within one unit.
 */
export interface NfkcAlignment {
  normalized: string;
  /** For each UTF-16 index of `normalized`, the start of its source unit in the original text. */
  sourceStart: Uint32Array;
  /** For each UTF-16 index of `normalized`, the end of its source unit in the original text. */
  sourceEnd: Uint32Array;
}

export function alignNfkc(text: string): NfkcAlignment {
  const normalized = text.normalize('NFKC');
  const sourceStart = new Uint32Array(normalized.length);
  const sourceEnd = new Uint32Array(normalized.length);
  if (normalized === text) {
    // Already normal: each code point is its own source.
    for (let i = 0; i < text.length; ) {
      const size = text.codePointAt(i)! > 0xffff ? 2 : 1;
      sourceStart.fill(i, i, i + size);
      sourceEnd.fill(i + size, i, i + size);
      i += size;
    }
    return { normalized, sourceStart, sourceEnd };
  }
  const bounds = unitBounds(text, normalized);
  let at = 0;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const size = text.slice(bounds[k], bounds[k + 1]).normalize('NFKC').length;
    sourceStart.fill(bounds[k], at, at + size);
    sourceEnd.fill(bounds[k + 1], at, at + size);
    at += size;
  }
  return { normalized, sourceStart, sourceEnd };
}

/**
 * Boundaries [0, …, text.length] of units that NFKC normalises independently (the concatenation of
 * their NFKC forms is the NFKC form of the text), as fine as possible: each code point starts a
 * unit unless NFKC combines it with the unit before (e + ◌́ → é, Hangul jamo → syllable, kana +
 * half-width voicing mark). Falls back to a single unit if that still does not add up.
 */
function unitBounds(text: string, normalized: string): number[] {
  const bounds = [0];
  let unit = '';
  let unitNormalized = '';
  let at = 0;
  for (const char of text) {
    const charNormalized = char.normalize('NFKC');
    const joined = (unit + char).normalize('NFKC');
    if (unit !== '' && joined === unitNormalized + charNormalized) {
      bounds.push(at);
      unit = char;
      unitNormalized = charNormalized;
    } else {
      unit += char;
      unitNormalized = joined;
    }
    at += char.length;
  }
  bounds.push(text.length);
  return normalizesPiecewise(text, bounds, normalized) ? bounds : [0, text.length];
}

function normalizesPiecewise(text: string, bounds: readonly number[], normalized: string): boolean {
  let joined = '';
  for (let k = 0; k + 1 < bounds.length; k++) joined += text.slice(bounds[k], bounds[k + 1]).normalize('NFKC');
  return joined === normalized;
}
