import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeNonce, panelHtml } from '../../../src/extension/panel/panelHtml';
import { parseViewState, parseWebviewMessage } from '../../../src/extension/panel/protocol';

const limits = { atomCount: 1024, layerCount: 5 };

describe('messages from the webview', () => {
  it('accepts each well-formed message and keeps only its known fields', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'selectFactor', factor: 1023, layer: 4, extra: '<script>' }, limits), { type: 'selectFactor', factor: 1023, layer: 4 });
    assert.deepEqual(parseWebviewMessage({ type: 'setMode', mode: 'strongest' }, limits), { type: 'setMode', mode: 'strongest' });
    assert.deepEqual(parseWebviewMessage({ type: 'unpin', token: 3 }, limits), { type: 'unpin' });
    assert.deepEqual(parseWebviewMessage({ type: 'attribute', request: 7, source: { kind: 'document', token: 12, factor: 3, layer: 0 } }, limits),
      { type: 'attribute', request: 7, source: { kind: 'document', token: 12, factor: 3, layer: 0 } });
    assert.deepEqual(parseWebviewMessage({ type: 'exampleActivations', ref: { factor: 2, layer: 1, interval: -1, index: 0 } }, limits),
      { type: 'exampleActivations', ref: { factor: 2, layer: 1, interval: -1, index: 0 } });
    assert.deepEqual(parseWebviewMessage({ type: 'ready', state: { tab: 'factor', mode: 'factor', factor: 3, layer: 2, scrollTop: 40 } }, limits),
      { type: 'ready', state: { tab: 'factor', mode: 'factor', factor: 3, layer: 2, scrollTop: 40 } });
  });

  it('rejects anything else: unknown types, wrong types, out-of-range numbers, missing fields', () => {
    const invalid: unknown[] = [
      null, undefined, 'selectFactor', 42, [], {}, { type: 'eval', code: '1' }, { type: 'revealRange', uri: 'file:///etc/passwd' },
      { type: 'selectFactor', factor: 1024, layer: 0 }, { type: 'selectFactor', factor: -1, layer: 0 }, { type: 'selectFactor', factor: 1.5, layer: 0 },
      { type: 'selectFactor', factor: '3', layer: 0 }, { type: 'selectFactor', factor: 3 }, { type: 'selectLayer', layer: 5 },
      { type: 'setMode', mode: 'all' }, { type: 'tokenDetails', token: -1 }, { type: 'tokenDetails', token: Number.NaN }, { type: 'pin', token: 1e12 },
      { type: 'attribute', request: 1, source: { kind: 'file', path: '/' } }, { type: 'attribute', source: { kind: 'document', token: 1, factor: 1, layer: 1 } },
      { type: 'attribute', request: 1, source: { kind: 'example', ref: { factor: 1, layer: 1, interval: -2, index: 0 } } },
      { type: 'exampleActivations', ref: null }, { type: 'openSearchHit', index: -3 }, { type: 'editLabel', factor: 9999 },
      { type: 'ready' }, { type: 'ready', state: 'document' }, { type: 'findInWorkspace', factor: 1, layer: '1' },
    ];
    for (const message of invalid) assert.equal(parseWebviewMessage(message, limits), undefined, JSON.stringify(message));
  });

  it('repairs a saved state field by field', () => {
    assert.deepEqual(parseViewState({ tab: 'nowhere', mode: 'factor', factor: 5000, layer: 1, scrollTop: -4 }, limits), { tab: 'document', mode: 'factor', factor: -1, layer: 1, scrollTop: 0 });
    assert.equal(parseViewState(7, limits), undefined);
  });
});

describe('the panel page', () => {
  it('allows only nonce-bearing scripts, styles from the extension, and nothing from the network', () => {
    const nonce = makeNonce();
    assert.notEqual(nonce, makeNonce());
    assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
    const html = panelHtml({ cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce, scriptUri: 'https://x/webview.js', styleUri: 'https://x/webview.css' });
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, new RegExp(`script-src 'nonce-${nonce.replace(/[+/]/g, '\\$&')}'(;|$)`));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*|http:/);
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    assert.equal(scripts.length, 1);
    assert.match(scripts[0], new RegExp(`nonce="${nonce.replace(/[+/]/g, '\\$&')}" src="https://x/webview.js"`));
  });
});
