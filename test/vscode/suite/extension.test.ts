// The extension inside a real editor: it activates, registers what it promises, and
// highlighting decomposes a document without touching it.
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';

const EXTENSION_ID = 'transformer-factors.transformer-factors';
const LAYERS = ['embed', 'L0.attn', 'L0.ffn', 'L1.attn', 'L1.ffn'];

function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is not loaded in this editor`);
  return found;
}

async function openSample(): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the editor has no workspace folder (the fixture workspace was not opened)');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'sample.txt'));
  await vscode.window.showTextDocument(document);
  return document;
}

describe('activation', () => {
  it('activates', async () => {
    await extension().activate();
    assert.equal(extension().isActive, true);
  });

  it('registers every command its package.json contributes', async () => {
    await extension().activate();
    const contributed = ((extension().packageJSON as { contributes?: { commands?: Array<{ command: string }> } })
      .contributes?.commands ?? []).map((c) => c.command);
    assert.ok(contributed.includes('transformerFactors.highlightStrongest'), `package.json contributes no transformerFactors.highlightStrongest (it has ${contributed.join(', ')})`);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((id) => !registered.has(id)), [], 'contributed but not registered');
  });
});

describe('transformerFactors.highlightStrongest', () => {
  it('decomposes the open document without modifying it', async () => {
    const document = await openSample();
    const text = document.getText();
    const version = document.version;
    const result = await vscode.commands.executeCommand<unknown>('transformerFactors.highlightStrongest');
    assert.equal(document.getText(), text, 'the document text changed');
    assert.equal(document.version, version, 'the document was edited (its version changed)');
    assert.equal(document.isDirty, false, 'the document is dirty');

    // The command resolves to the decomposition it drew: tokens with UTF-16 offsets, layers.
    const decomposition = result as { tokens?: Array<{ start: number; end: number }>; layers?: string[] } | undefined;
    assert.ok(decomposition && Array.isArray(decomposition.tokens) && Array.isArray(decomposition.layers),
      `the command resolved to ${JSON.stringify(result)?.slice(0, 200)}, not a decomposition with tokens and layers`);
    assert.deepEqual(decomposition.layers, LAYERS);
    assert.ok(decomposition.tokens.length >= text.split(/\s+/).filter(Boolean).length, `only ${decomposition.tokens.length} tokens for ${text.length} characters`);
    // Offsets are UTF-16 positions in the text, in order (a piece such as a lone "▁" may be empty).
    let previousStart = 0;
    for (const token of decomposition.tokens) {
      assert.ok(token.start >= previousStart && token.end >= token.start && token.end <= text.length, `token offsets out of order or range: ${JSON.stringify(token)}`);
      previousStart = token.start;
    }
    assert.ok(decomposition.tokens.some((t) => text.slice(t.start, t.end) === 'bank'), 'no token spans the word "bank"');
  });
});

describe('hover', () => {
  it('explains a token by its factors at each layer', async () => {
    const document = await openSample();
    const offset = document.getText().indexOf('bank') + 1;
    let text = '';
    // The first hover may wait for the model to load and the document to be decomposed.
    for (const deadline = Date.now() + 90_000; Date.now() < deadline;) {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
      text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
      // Until then it says that the document is being decomposed.
      if (text.includes('bank') && LAYERS.every((layer) => text.includes(layer))) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    assert.match(text, /Transformer Factors/, `no Transformer Factors hover on "bank"; hovers: ${JSON.stringify(text.slice(0, 300))}`);
    assert.match(text, /bank/, 'the hover does not name the token');
    for (const layer of LAYERS) assert.ok(text.includes(layer), `the hover has no ${layer} section`);
  });
});
