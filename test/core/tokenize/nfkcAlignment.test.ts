import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { alignNfkc } from '../../../src/core/tokenize/nfkcAlignment';
import { richText } from './richText';

/** [normalized slice, original slice] for each run of normalized indexes with one source. */
function units(text: string): Array<[string, string]> {
  const { normalized, sourceStart, sourceEnd } = alignNfkc(text);
  const out: Array<[string, string]> = [];
  for (let i = 0; i < normalized.length; ) {
    let j = i + 1;
    while (j < normalized.length && sourceStart[j] === sourceStart[i]) j++;
    out.push([normalized.slice(i, j), text.slice(sourceStart[i], sourceEnd[i])]);
    i = j;
  }
  return out;
}

test('unchanged text maps code point to code point', () => {
  assert.deepEqual(units('a😀b'), [['a', 'a'], ['😀', '😀'], ['b', 'b']]);
  assert.deepEqual(units(''), []);
});

test('expansions map every normalized character to the original one', () => {
  assert.deepEqual(units('ﬁx'), [['fi', 'ﬁ'], ['x', 'x']]);
  assert.deepEqual(units('½'), [['1⁄2', '½']]);
  assert.deepEqual(units('𝒜b'), [['A', '𝒜'], ['b', 'b']]);
});

test('compositions map to all the composed code points, and no more', () => {
  assert.deepEqual(units('e\u0301\u0302x'), [['é', 'e\u0301'], ['\u0302', '\u0302'], ['x', 'x']]);
  assert.deepEqual(units('ㄱㅏ'), [['가', 'ㄱㅏ']]);
  assert.deepEqual(units('ｶﾞ'), [['ガ', 'ｶﾞ']]);
});

test('each unit normalizes on its own to its part of the normalized text', () => {
  fc.assert(fc.property(richText, (text) => {
    const parts = units(text);
    assert.equal(parts.map(([normalized]) => normalized).join(''), text.normalize('NFKC'));
    for (const [normalized, original] of parts) assert.equal(original.normalize('NFKC'), normalized);
    assert.equal(parts.map(([, original]) => original).join(''), text);
  }), { numRuns: 1000 });
});
