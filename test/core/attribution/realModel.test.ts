import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tokenAtCharacter, windowOfToken } from '../../../src/core/attribution/attributionWindow';
import { leaveOneOut } from '../../../src/core/attribution/leaveOneOut';
import { factorsOf } from '../../../src/core/decompose/documentDecomposition';
import { FactorEngine } from '../../../src/core/engine/factorEngine';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir, bundledModelDir } from '../../../src/core/model/bundledModel';
import { scanFactor } from '../../../src/core/search/scanFactor';

// The bundled model and dictionary: attribution and the factor scan must agree with the
// decomposition the editor shows.
describe('attribution and factor scan on the bundled model', () => {
  let engine: FactorEngine;
  const text = 'The old man sat by the river bank. He watched the boats go by until the sun went down.';

  before(async () => {
    engine = await FactorEngine.open({ modelDir: bundledModelDir(), dictionaryPath: join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE) });
  });
  after(async () => {
    await engine?.dispose();
  });

  it('explains exactly the coefficient the decomposition gives, and the scan finds the same token', async () => {
    const decomposition = await engine.decompose(text);
    const layer = decomposition.layers.length - 1;
    const token = tokenAtCharacter(decomposition.tokens, text.indexOf('bank'));
    const [strongest] = factorsOf(decomposition, layer, token);
    assert.ok(strongest, 'the token has a factor at the last layer');
    const window = windowOfToken(decomposition.tokens, text, token, engine.model.info.maxLength);
    const ids = decomposition.tokens.slice(window.start, window.end).map((t) => t.id);
    let runs = 0;
    const result = await leaveOneOut((s) => (runs++, engine.model.encoder.run(s)), engine.code,
      { ids, target: token - window.start, layer, factor: strongest.id, hiddenSize: engine.model.info.hiddenSize }, { batchSize: 8 });
    assert.ok(Math.abs(result.baseline - strongest.coefficient) < 1e-3, `baseline ${result.baseline} vs decomposition ${strongest.coefficient}`);
    assert.equal(result.scores.length, ids.length);
    assert.equal(result.scores[token - window.start], 0);
    assert.ok([...result.scores].some((s) => Math.abs(s) > 1e-4), 'some context token matters at the last layer');
    assert.equal(runs, Math.ceil(ids.length / 8));

    const { hits, tokens } = await scanFactor(engine.model, engine.code, text, strongest.id, layer, { limit: 50 });
    assert.equal(tokens, decomposition.tokens.length);
    const hit = hits.find((h) => h.start === decomposition.tokens[token].start);
    assert.ok(hit && Math.abs(hit.coefficient - strongest.coefficient) < 1e-3, 'the scan reports the token with its coefficient');
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1].coefficient >= hits[i].coefficient);
  });
});
