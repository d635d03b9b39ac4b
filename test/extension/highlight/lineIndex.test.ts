import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../../src/extension/highlight/lineIndex';

/** Lines and characters counted one character at a time, breaking at \r\n, \n and \r as the editor does. */
function slowPosition(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') {
      if (i + 1 < offset) { i++; line++; lineStart = i + 1; }
    } else if (text[i] === '\n' || text[i] === '\r') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

test('offsets map to the same lines and characters as counting by hand, and back', () => {
  fc.assert(fc.property(fc.array(fc.constantFrom('a', 'é', '😀', ' ', '\n', '\r', '\r\n'), { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
    const index = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      // An offset between \r and \n is not a place the editor can put a cursor.
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
      const position = index.position(offset);
      assert.deepEqual(position, slowPosition(text, offset), `offset ${offset} of ${JSON.stringify(text)}`);
      assert.equal(index.offset(position), offset);
    }
  }));
});

test('positions past the end clamp to the text', () => {
  const index = new LineIndex('ab\ncd');
  assert.equal(index.lineCount, 2);
  assert.deepEqual(index.position(99), { line: 1, character: 2 });
  assert.equal(index.offset({ line: 0, character: 99 }), 3);
  assert.equal(index.offset({ line: 9, character: 0 }), 5);
});
