import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hitPreview } from '../../../src/extension/workspaceSearch/hitPreview';

describe('workspace hit previews', () => {
  it('gives the 1-based line and the text around the token on its line only', () => {
    const text = 'first line\n  second with bank inside\nthird';
    const start = text.indexOf('bank');
    assert.deepEqual(hitPreview(text, start, start + 4), { line: 2, before: 'second with ', token: 'bank', after: ' inside' });
    assert.deepEqual(hitPreview(text, 0, 5), { line: 1, before: '', token: 'first', after: ' line' });
  });

  it('cuts long lines with an ellipsis', () => {
    const text = `${'a'.repeat(100)} bank ${'b'.repeat(100)}`;
    const preview = hitPreview(text, 101, 105);
    assert.equal(preview.token, 'bank');
    assert.ok(preview.before.startsWith('…') && preview.before.length === 49);
    assert.ok(preview.after.endsWith('…') && preview.after.length === 49);
  });
});
