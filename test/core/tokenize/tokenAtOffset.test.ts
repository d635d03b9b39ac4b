import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { bundledModelDir } from '../../../src/core/model/bundledModel';
import { ModelTokenizer } from '../../../src/core/tokenize/modelTokenizer';
import { tokenAtOffset, wordPieces } from '../../../src/core/tokenize/tokenAtOffset';

test('every offset inside a token finds that token; offsets in gaps find none; word pieces are named', async () => {
  const tokenizer = await ModelTokenizer.load(join(bundledModelDir(), 'tokenizer.json'));
  const text = 'Transformers\tdecompose  “superpositions”,\r\nnaïvely 😀 ½.';
  const tokens = tokenizer.tokenize(text);
  for (let offset = 0; offset <= text.length; offset++) {
    const i = tokenAtOffset(tokens, offset);
    const inside = tokens.findIndex((t) => t.start <= offset && offset < t.end);
    if (inside >= 0) assert.equal(i, inside, `offset ${offset}`);
    else if (i >= 0) assert.equal(tokens[i].end, offset, `offset ${offset} just after a token`);
    else assert.ok(/\s/.test(text[offset - 1] ?? ' '), `offset ${offset} after whitespace`);
  }
  const word = tokenAtOffset(tokens, text.indexOf('Transformers') + 3);
  const { first, last } = wordPieces(tokens, word);
  assert.equal(text.slice(tokens[first].start, tokens[last].end), 'Transformers');
  assert.ok(last > first, 'Transformers is split into pieces by this vocabulary');
  const emoji = tokenAtOffset(tokens, text.indexOf('😀') + 1);
  assert.equal(tokens[emoji].text, '😀');
});
