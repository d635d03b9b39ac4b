import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAPER_DEFAULT_LAMBDA } from '../../src/core/dictionary/paperNpy';
import { bundledModelDir } from '../../src/core/model/bundledModel';
import { readModelInfo } from '../../src/core/model/modelInfo';
import {
  dictionaryNameProblem, importModel, modelChoices, modelIdProblem, parseLambda, phiShape, suggestedLambda, suggestedName,
} from '../../src/extension/dictionaries/importChoices';

const bundled = readModelInfo(bundledModelDir());
const fitting = { hidden: bundled.hiddenSize, atoms: 300 };
const foreign = { hidden: bundled.hiddenSize + 256, atoms: 2000 };

test('Φ must be two-dimensional', () => {
  assert.deepEqual(phiShape([768, 2000], '/x/a.npy'), { hidden: 768, atoms: 2000 });
  assert.match((phiShape([10], '/x/a.npy') as { error: string }).error, /a\.npy has shape \(10\); a dictionary Φ is 2-D/);
});

test('the bundled model is offered first when Φ fits it, second with the reason when it does not', () => {
  const fits = modelChoices(fitting, bundled);
  assert.deepEqual(fits.map((c) => c.kind), ['bundled', 'other']);
  assert.ok(fits[0].label.startsWith(bundled.id) && fits[0].detail.includes('usable in the editor'));
  const misfit = modelChoices(foreign, bundled);
  assert.deepEqual(misfit.map((c) => c.kind), ['other', 'bundled']);
  assert.match(misfit[1].detail, new RegExp(`Does not fit: Φ is \\[${foreign.hidden}, ${foreign.atoms}\\].*${bundled.hiddenSize}-wide`));
  assert.match(modelChoices({ hidden: 2000, atoms: bundled.hiddenSize }, bundled)[1].detail, /looks transposed/);
});

test('typed model ids are checked, and the bundled id is refused for a Φ of another width', () => {
  assert.equal(modelIdProblem('bert-base-uncased', foreign, bundled), undefined);
  assert.equal(modelIdProblem('  org/model-v1.2  ', foreign, bundled), undefined);
  assert.match(modelIdProblem('  ', foreign, bundled)!, /Type the id/);
  assert.match(modelIdProblem('two words', foreign, bundled)!, /one word/);
  assert.match(modelIdProblem('x'.repeat(201), foreign, bundled)!, /200 characters/);
  assert.match(modelIdProblem(bundled.id, foreign, bundled)!, new RegExp(`${bundled.hiddenSize}-wide.*${foreign.hidden} rows`));
  assert.equal(modelIdProblem(bundled.id, fitting, bundled), undefined);
  assert.equal(modelIdProblem(bundled.id, foreign, undefined), undefined, 'without a built model there is nothing to clash with');
});

test('the dictionary is filed under the bundled model’s full identity, or the typed id with Φ’s width', () => {
  const full = { id: bundled.id, hiddenSize: bundled.hiddenSize, onnxSha256: bundled.onnxSha256, layers: bundled.layers };
  assert.deepEqual(importModel({ kind: 'bundled' }, fitting, bundled), full);
  assert.deepEqual(importModel({ kind: 'other', id: ` ${bundled.id} ` }, fitting, bundled), full);
  assert.deepEqual(importModel({ kind: 'other', id: ' bert-base-uncased ' }, foreign, bundled), { id: 'bert-base-uncased', hiddenSize: foreign.hidden });
  assert.deepEqual(importModel({ kind: 'other', id: bundled.id }, foreign, undefined), { id: bundled.id, hiddenSize: foreign.hidden });
  assert.throws(() => importModel({ kind: 'bundled' }, fitting, undefined), /not built/);
});

test('λ comes from the file name when it says, and typed values are checked', () => {
  assert.equal(suggestedLambda('/d/bert-base-uncased_reg0.23_d2000_epoch2.npy'), 0.23);
  assert.equal(suggestedLambda('/d/phi.npy'), PAPER_DEFAULT_LAMBDA);
  assert.deepEqual(parseLambda(' 0.45 '), { lambda: 0.45 });
  assert.ok('error' in parseLambda('abc'));
  assert.ok('error' in parseLambda(''));
  assert.ok('error' in parseLambda('Infinity'));
  assert.match((parseLambda('-1') as { error: string }).error, /negative/);
  assert.match((parseLambda('0') as { error: string }).error, /no sparsity/);
});

test('a name is required and may not replace an imported dictionary', () => {
  assert.equal(suggestedName('/d/bert_reg0.3_d100.NPY'), 'bert_reg0.3_d100');
  assert.match(dictionaryNameProblem(' ', [])!, /Give the dictionary a name/);
  assert.match(dictionaryNameProblem('my dict', ['imported:my-dict'])!, /already imported/);
  assert.equal(dictionaryNameProblem('my dict', ['bundled:my-dict', 'imported:other']), undefined);
});
