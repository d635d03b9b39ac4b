import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gaussianDictionary } from '../../../src/core/learn/initialDictionary';
import { SeededRandom } from '../../../src/core/learn/random';
import { TrackedGram } from '../../../src/core/learn/trackedGram';
import { gramMatrix } from '../../../src/core/sparse/gram';
import { OnnxMatMul } from '../../../src/core/sparse/onnxMatMul';

test('the tracked Gram matrix equals ΦᵀΦ recomputed from scratch after changes to a few atoms, many atoms, or none', async () => {
  const random = new SeededRandom(4);
  const dictionary = gaussianDictionary(64, 24, random);
  const tracked = new TrackedGram(await OnnxMatMul.create());
  const check = async (what: string) => {
    const G = await tracked.current(dictionary);
    const expected = gramMatrix(dictionary);
    let largest = 0;
    for (let i = 0; i < expected.length; i++) largest = Math.max(largest, Math.abs(G[i] - expected[i]));
    assert.ok(largest < 1e-5, `${what}: differs by ${largest}`);
  };
  await check('first');
  for (const k of [3, 17, 40]) for (let h = 0; h < 24; h++) dictionary.atoms[k * 24 + h] += random.normal() * 0.1;
  await check('three atoms changed');
  await check('nothing changed');
  for (let i = 0; i < dictionary.atoms.length; i++) dictionary.atoms[i] += random.normal() * 0.01;
  await check('every atom changed');
});
