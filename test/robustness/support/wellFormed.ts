import assert from 'node:assert/strict';
import type { DocumentDecomposition } from '../../../src/core/decompose/documentDecomposition';
import type { PartialDecomposition } from '../../../src/extension/engine/partialDecomposition';

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Whether an offset falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/** Tokens in order, inside the text, on UTF-16 boundaries that split no surrogate pair, each slicing back to its own text (empty for a piece with no characters of its own, see Token). */
export function assertTokensFit(text: string, tokens: ReadonlyArray<{ text: string; start: number; end: number }>): void {
  let previousEnd = 0;
  tokens.forEach((token, t) => {
    const where = `token ${t} ${JSON.stringify(token)}`;
    assert.ok(Number.isInteger(token.start) && Number.isInteger(token.end), where);
    assert.ok(previousEnd <= token.start && token.start <= token.end && token.end <= text.length, where);
    assert.ok(!splitsSurrogatePair(text, token.start) && !splitsSurrogatePair(text, token.end), `${where} splits a surrogate pair`);
    assert.equal(text.slice(token.start, token.end), token.text, where);
    previousEnd = token.end;
  });
}

/** Every layer: a CSR row per token, factor ids within the dictionary, finite positive codes and residuals. */
export function assertCodesFit(decomposition: DocumentDecomposition, atomCount: number): void {
  const tokenCount = decomposition.tokens.length;
  assert.equal(decomposition.codes.length, decomposition.layers.length);
  decomposition.codes.forEach((rows, l) => {
    assert.equal(rows.offsets.length, tokenCount + 1, `layer ${l} has a row per token`);
    for (let t = 0; t < tokenCount; t++) {
      assert.ok(rows.offsets[t] <= rows.offsets[t + 1], `layer ${l} token ${t}: rows out of order`);
      for (let j = rows.offsets[t]; j < rows.offsets[t + 1]; j++) {
        assert.ok(rows.indices[j] < atomCount, `layer ${l} token ${t}: factor ${rows.indices[j]} ≥ ${atomCount}`);
        assert.ok(Number.isFinite(rows.values[j]) && rows.values[j] > 0, `layer ${l} token ${t}: code ${rows.values[j]}`);
      }
      const residual = decomposition.relativeResiduals[l][t];
      assert.ok(Number.isFinite(residual) && residual >= 0, `layer ${l} token ${t}: residual ${residual}`);
    }
  });
}

/** A complete decomposition whose tokens fit the text and whose codes fit the dictionary. */
export function assertWellFormed(text: string, decomposition: DocumentDecomposition, atomCount: number): void {
  assertTokensFit(text, decomposition.tokens);
  assertCodesFit(decomposition, atomCount);
}

/** Tokens [from, to) of a partial decomposition are decomposed, with factors within the dictionary and finite positive codes. */
export function assertPartialFits(partial: PartialDecomposition, from: number, to: number, atomCount: number): void {
  for (let t = from; t < to; t++) {
    assert.ok(partial.has(t), `token ${t} is not decomposed`);
    partial.layers.forEach((_, l) => {
      for (const { id, coefficient } of partial.factorsAt(l, t)!) {
        assert.ok(id < atomCount && Number.isFinite(coefficient) && coefficient > 0, `layer ${l} token ${t}: factor ${id} = ${coefficient}`);
      }
    });
  }
}
