import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { encodeDocument } from '../../core/encode/documentEncoder';
import { NpyWriter } from '../../core/io/npy';
import type { LoadedModel } from '../../core/model/loadedModel';
import type { Token } from '../../core/tokenize/token';
import type { Command, CommandContext } from '../command';
import { readInputText } from '../readInputText';

export const encodeCommand: Command = {
  name: 'encode',
  summary: 'tokenize a text and compute every layer’s hidden states',
  usage: 'encode (--text T | --file F) [--json] [--states DIR]',
  options: {
    text: { type: 'string' },
    file: { type: 'string' },
    json: { type: 'boolean' },
    states: { type: 'string' },
  },
  async run({ values, loadModel, print }: CommandContext): Promise<void> {
    const text = readInputText(values as { text?: string; file?: string });
    const model = await loadModel();
    const tokens = model.tokenizer.tokenize(text);
    const statesDir = values.states as string | undefined;
    const norms = statesDir || !values.json ? await encodeAll(model, tokens, text, statesDir) : undefined;
    const { id, layers, hiddenSize } = model.info;
    if (values.json) {
      print(JSON.stringify({ model: id, layers, hiddenSize, tokens: tokens.map((t) => ({ text: t.text, start: t.start, end: t.end, id: t.id })) }));
    } else {
      print(`${id}: ${tokens.length} tokens, ${layers.length} layers (${layers.join(', ')}) of ${hiddenSize} values`);
      print(tokens.map((t) => t.text).join(' | '));
      print(`mean ‖hidden state‖ per layer: ${layers.map((l, i) => `${l} ${norms![i].toFixed(1)}`).join(', ')}`);
      if (statesDir) print(`hidden states written to ${statesDir}/<layer>.npy`);
    }
  },
};

/**
 * Runs the model over every token, window by window; streams each layer's [tokens × hidden]
 * matrix to DIR/<layer>.npy when asked, and returns each layer's mean hidden-state norm.
 */
async function encodeAll(model: LoadedModel, tokens: Token[], text: string, dir: string | undefined): Promise<number[]> {
  const { layers, hiddenSize } = model.info;
  if (dir) mkdirSync(dir, { recursive: true });
  const writers = dir ? layers.map((layer) => new NpyWriter(join(dir, `${layer}.npy`), [tokens.length, hiddenSize])) : [];
  const normSums = layers.map(() => 0);
  for await (const chunk of encodeDocument(model.encoder, tokens, text)) {
    chunk.states.forEach((states, i) => {
      writers[i]?.append(states);
      for (let row = 0; row < states.length; row += hiddenSize) {
        let squares = 0;
        for (let h = row; h < row + hiddenSize; h++) squares += states[h] * states[h];
        normSums[i] += Math.sqrt(squares);
      }
    });
  }
  writers.forEach((w) => w.close());
  return normSums.map((sum) => sum / Math.max(1, tokens.length));
}
