import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { factorsOf, type DocumentDecomposition } from '../../core/decompose/documentDecomposition';
import { NpyWriter } from '../../core/io/npy';
import type { Command, CommandContext } from '../command';
import { readInputText } from '../readInputText';
import { UsageError } from '../usageError';

export const decomposeCommand: Command = {
  name: 'decompose',
  summary: 'write every token’s hidden state at every layer as a sparse sum of dictionary factors',
  usage: 'decompose (--text T | --file F) [--json] [--dictionary D] [--lambda L] [--top K] [--codes DIR]',
  options: {
    text: { type: 'string' }, file: { type: 'string' }, json: { type: 'boolean' }, dictionary: { type: 'string' },
    lambda: { type: 'string' }, top: { type: 'string' }, codes: { type: 'string' },
  },
  async run({ values, loadEngine, print }: CommandContext): Promise<void> {
    const text = readInputText(values as { text?: string; file?: string });
    const top = values.top === undefined ? 5 : Number(values.top);
    if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top must be a positive whole number, not "${String(values.top)}"`);
    if (values.lambda !== undefined && !(Number(values.lambda) > 0)) throw new UsageError(`--lambda must be a positive number, not "${String(values.lambda)}"`);
    const engine = await loadEngine();
    const result = await engine.decompose(text);
    const { layers, tokens } = result;
    if (typeof values.codes === 'string') writeCodes(values.codes, result, engine.dictionary.atomCount);
    const perToken = tokens.map((token, t) => ({
      text: token.text, start: token.start, end: token.end,
      layers: layers.map((layer, l) => ({
        layer,
        factors: factorsOf(result, l, t).slice(0, top).map((f) => ({ id: f.id, coef: round(f.coefficient), label: engine.label(f.id) })),
        active: result.codes[l].offsets[t + 1] - result.codes[l].offsets[t],
        relResidual: round(result.relativeResiduals[l][t]),
      })),
    }));
    if (values.json) {
      print(JSON.stringify({ model: engine.model.info.id, dictionary: engine.metadata.name, lambda: engine.lambda, layers, tokens: perToken }));
      return;
    }
    print(`${engine.model.info.id} · dictionary ${engine.metadata.name} (K = ${engine.dictionary.atomCount}, λ = ${engine.lambda})`);
    for (const token of perToken) {
      print(`${JSON.stringify(token.text)} [${token.start}, ${token.end})`);
      for (const l of token.layers) {
        print(`  ${l.layer.padEnd(8)} ${String(l.active).padStart(3)} active, residual ${(l.relResidual * 100).toFixed(1)}%: ${l.factors.map((f) => `#${f.id} ${f.coef.toFixed(2)} ${f.label}`).join(' · ')}`);
      }
    }
  },
};

const round = (x: number): number => Math.round(x * 1e5) / 1e5;

/** Each layer's full code matrix [tokens × K] as float32 .npy, row by row. */
function writeCodes(dir: string, result: DocumentDecomposition, K: number): void {
  mkdirSync(dir, { recursive: true });
  result.layers.forEach((layer, l) => {
    const writer = new NpyWriter(join(dir, `${layer}.npy`), [result.tokens.length, K]);
    const rows = result.codes[l];
    const row = new Float32Array(K);
    for (let t = 0; t < result.tokens.length; t++) {
      row.fill(0);
      for (let j = rows.offsets[t]; j < rows.offsets[t + 1]; j++) row[rows.indices[j]] = rows.values[j];
      writer.append(row);
    }
    writer.close();
  });
}
