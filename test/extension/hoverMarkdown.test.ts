import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverMarkdown } from '../../src/extension/hover/hoverMarkdown';

const commands = { highlight: 'transformerFactors.highlightFactor', openFactor: 'transformerFactors.openFactor' };

test('the hover lists each layer’s factors with bars, labels, residual and command links', () => {
  const md = hoverMarkdown({
    tokenText: 'form',
    wordPieces: ['Trans', 'form', 'ers'],
    layers: [
      { layer: 'L0.ffn', active: 7, relativeResidual: 0.3, factors: [{ id: 12, coefficient: 4, label: '“form”' }, { id: 3, coefficient: 1, label: 'noun: a, b', userLabel: 'my *note*' }] },
      { layer: 'L1.ffn', active: 0, relativeResidual: 1, factors: [] },
    ],
    commands,
  });
  assert.match(md, /piece of \*Transformers\* \(`Trans` \+ `form` \+ `ers`\)/);
  assert.match(md, /\*\*L0\\\.ffn\*\* · 7 active · reconstructs 91\.0% of ‖x‖² \(residual 30\.0%\)/);
  assert.match(md, /`████████████` 4\.00 · \*\*#12\*\*/);
  assert.match(md, /`███░░░░░░░░░` 1\.00 · \*\*#3\*\* my \\\*note\\\* · noun: a, b/);
  const link = encodeURIComponent(JSON.stringify([{ factor: 12, layer: 'L0.ffn' }]));
  assert.ok(md.includes(`[highlight](command:transformerFactors.highlightFactor?${link})`));
  assert.ok(md.includes(`[open](command:transformerFactors.openFactor?${link})`));
  assert.match(md, /reconstructs 0\.0%/);
});

test('document text cannot inject Markdown links or commands', () => {
  // Token text goes into a code span (links do not render there) and backticks cannot close it.
  const md = hoverMarkdown({ tokenText: '`[x](command:evil)`', wordPieces: ['`[x]', '(command:evil)`'], layers: [], commands });
  assert.ok(md.includes('token `ʼ[x](command:evil)ʼ`'));
  assert.ok(md.includes('*ʼ\\[x\\]\\(command:evil\\)ʼ*'.replace(/ʼ/g, '\\`')), md);
  const md2 = hoverMarkdown({ tokenText: 'a', wordPieces: ['a'], layers: [{ layer: 'L', active: 1, relativeResidual: 0, factors: [{ id: 1, coefficient: 1, label: '[y](command:evil)' }] }], commands });
  assert.ok(!md2.includes('[y](command:evil)'));
});
