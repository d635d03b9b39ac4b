import type { Command, CommandContext } from '../command';
import { UsageError } from '../usageError';

export const factorCommand: Command = {
  name: 'factor',
  summary: 'print a factor’s catalog entry: label, importance per layer, top examples',
  usage: 'factor --id N [--json] [--dictionary D]',
  options: { id: { type: 'string' }, json: { type: 'boolean' }, dictionary: { type: 'string' } },
  async run({ values, loadEngine, print }: CommandContext): Promise<void> {
    const id = Number(values.id);
    if (values.id === undefined || !Number.isInteger(id) || id < 0) throw new UsageError('give the factor number: --id N');
    const engine = await loadEngine();
    if (id >= engine.dictionary.atomCount) throw new UsageError(`dictionary ${engine.metadata.name} has factors 0–${engine.dictionary.atomCount - 1}; there is no factor ${id}`);
    const catalog = engine.catalog;
    if (!catalog) throw new UsageError(`dictionary ${engine.metadata.name} has no catalog (expected beside ${engine.dictionaryPath})`);
    const factor = catalog.factors[id];
    const withText = {
      ...factor,
      layers: factor.layers.map((layer, l) => ({
        layer: catalog.layers[l],
        ...layer,
        top: layer.top.map((e) => ({ ...e, context: catalog.texts[e.text] })),
        intervals: layer.intervals.map((band) => ({ ...band, examples: band.examples.map((e) => ({ ...e, context: catalog.texts[e.text] })) })),
      })),
    };
    if (values.json) {
      print(JSON.stringify({ dictionary: engine.metadata.name, model: catalog.model, importanceTopN: catalog.importanceTopN, ...withText }));
      return;
    }
    print(`factor #${id}: ${factor.label} (purity ${(factor.purity * 100).toFixed(0)}%) · top words ${factor.topWords.map((w) => `${w.word}×${w.count}`).join(', ')}`);
    for (const layer of withText.layers) {
      print(`  ${layer.layer.padEnd(8)} importance ${layer.importance.toFixed(2)} · active on ${(layer.activeFraction * 100).toFixed(2)}% of tokens`);
      for (const e of layer.top.slice(0, 3)) {
        print(`      ${e.coefficient.toFixed(2)}  ${e.context.slice(Math.max(0, e.start - 40), e.start)}[${e.context.slice(e.start, e.end)}]${e.context.slice(e.end, e.end + 40)}`);
      }
    }
  },
};
