import { test } from 'node:test';
import assert from 'node:assert/strict';
import { factorsOf } from '../../../src/core/decompose/documentDecomposition';
import { hoverContent } from '../../../src/extension/hover/hoverContent';
import { PartialDecomposition } from '../../../src/extension/engine/partialDecomposition';
import { partialOf, spansOf } from '../engine/realDecomposition';

const commands = { highlight: 'transformerFactors.highlightFactor', openFactor: 'transformerFactors.openFactor' };
const text = 'The riverbank flooded after unprecedented rainfall.';

test('hovering any piece of a split word shows that piece, names the others, and lists each layer’s top factors', async () => {
  const { partial, decomposition } = await partialOf(text);
  const offset = text.indexOf('unprecedented') + 5;
  const content = hoverContent(partial, offset, { factorsShown: 3, name: (f) => ({ label: `auto ${f}`, ...(f % 2 ? { userLabel: `mine ${f}` } : {}) }), commands })!;
  const token = decomposition.tokens[content.token];
  assert.ok(token.start <= offset && offset <= token.end);
  const pieces = decomposition.tokens.filter((t) => t.start >= text.indexOf('unprecedented') && t.end <= text.indexOf('unprecedented') + 'unprecedented'.length && t.end > t.start);
  assert.ok(pieces.length > 1, 'the tokenizer splits "unprecedented"');
  assert.ok(content.markdown.includes(`token \`${token.text}\``));
  assert.ok(content.markdown.includes(pieces.map((p) => `\`${p.text}\``).join(' + ')));
  decomposition.layers.forEach((layer, l) => {
    assert.ok(content.markdown.includes(`**${layer.replace('.', '\\.')}**`), layer);
    for (const f of factorsOf(decomposition, l, content.token).slice(0, 3)) {
      assert.ok(content.markdown.includes(`**#${f.id}** ${f.id % 2 ? `mine ${f.id} · ` : ''}auto ${f.id}`), `#${f.id} at ${layer}`);
    }
  });
  const listed = content.markdown.match(/\*\*#\d+\*\*/g) ?? [];
  assert.equal(listed.length, decomposition.layers.reduce((n, _, l) => n + Math.min(3, factorsOf(decomposition, l, content.token).length), 0));
});

test('no hover where there is no token, or the token is not decomposed yet', async () => {
  const { partial, decomposition } = await partialOf(text);
  assert.equal(hoverContent(partial, text.length + 5, { factorsShown: 3, name: () => ({ label: '' }), commands }), undefined);
  const half = new PartialDecomposition(text, decomposition.tokens, decomposition.layers);
  half.add(spansOf(decomposition, 2)[0]);
  assert.ok(hoverContent(half, 1, { factorsShown: 3, name: () => ({ label: '' }), commands }));
  assert.equal(hoverContent(half, text.indexOf('rainfall'), { factorsShown: 3, name: () => ({ label: '' }), commands }), undefined);
});
