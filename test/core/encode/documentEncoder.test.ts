import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { encodeDocument } from '../../../src/core/encode/documentEncoder';
import { bundledModelDir } from '../../../src/core/model/bundledModel';
import { OnnxEncoder } from '../../../src/core/model/onnxEncoder';
import { ModelTokenizer } from '../../../src/core/tokenize/modelTokenizer';

const paragraph = 'The committee met on Tuesday. It discussed the budget, the new building and the staff. ' +
  'Nobody agreed on anything! Was that a surprise? The chair, tired, closed the meeting at noon.\n';

test('a long document is encoded window by window: every token once, in order, each state equal to its own window run alone', async () => {
  const encoder = await OnnxEncoder.load(bundledModelDir());
  const tokenizer = await ModelTokenizer.load(join(bundledModelDir(), 'tokenizer.json'));
  const text = paragraph.repeat(20);
  const tokens = tokenizer.tokenize(text);
  assert.ok(tokens.length > 3 * encoder.info.maxLength);
  const sequences: number[][] = [];
  const spy = Object.create(encoder) as OnnxEncoder;
  spy.run = async (batch: number[][]) => { sequences.push(...batch); return encoder.run(batch); };
  let next = 0;
  const chunks = [];
  for await (const chunk of encodeDocument(spy, tokens, text, { batchSize: 2 })) {
    assert.equal(chunk.tokenStart, next);
    assert.equal(chunk.states.length, encoder.info.layers.length);
    for (const layer of chunk.states) assert.equal(layer.length, (chunk.tokenEnd - chunk.tokenStart) * encoder.info.hiddenSize);
    next = chunk.tokenEnd;
    chunks.push(chunk);
  }
  assert.equal(next, tokens.length);
  assert.ok(sequences.every((s) => s.length <= encoder.info.maxLength));
  assert.ok(sequences.length > 3);

  // The first window holds its own tokens plus right context; its own tokens' states must equal
  // a run of that window alone, and differ from a run of the bare own tokens (context matters).
  const first = chunks[0];
  const [alone] = await encoder.run([sequences[0]]);
  const own = first.tokenEnd - first.tokenStart;
  assert.deepEqual(Array.from(first.states[4]), Array.from(alone[4].subarray(0, own * encoder.info.hiddenSize)));
  await encoder.dispose();
});

test('encoding stops when the signal is aborted', async () => {
  const encoder = await OnnxEncoder.load(bundledModelDir());
  const tokenizer = await ModelTokenizer.load(join(bundledModelDir(), 'tokenizer.json'));
  const text = paragraph.repeat(30);
  const controller = new AbortController();
  let chunks = 0;
  await assert.rejects(async () => {
    for await (const _ of encodeDocument(encoder, tokenizer.tokenize(text), text, { batchSize: 1, signal: controller.signal })) {
      chunks++;
      controller.abort();
    }
  }, { name: 'AbortError' });
  assert.equal(chunks, 1);
  await encoder.dispose();
});
