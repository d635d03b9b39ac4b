import { brownSentences, brownSplit } from '../../core/corpus/brownCorpus';
import { sampleInOrder } from '../../core/corpus/sampleSentences';
import { evaluateDictionary, type LayerQuality } from '../../core/learn/evaluateDictionary';
import type { Command, CommandContext } from '../command';
import { UsageError } from '../usageError';

/** "1,2.5,3" → [1, 2.5, 3]. */
function lambdas(raw: string | boolean | undefined, fallback: number): number[] {
  if (raw === undefined) return [fallback];
  const values = String(raw).split(',').map((part) => Number(part.trim()));
  if (values.length === 0 || values.some((v) => !Number.isFinite(v) || v < 0)) throw new UsageError(`--lambda takes non-negative numbers separated by commas, not "${String(raw)}"`);
  return values;
}

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'measure a dictionary on the held-out Brown files: variance explained and active factors per layer, for one or more λ',
  usage: 'evaluate [--dictionary D] [--lambda L1,L2,…] [--eval-sentences N] [--seed S] [--json]',
  options: { dictionary: { type: 'string' }, lambda: { type: 'string' }, 'eval-sentences': { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values, loadEngine, print }: CommandContext): Promise<void> {
    const count = Number(values['eval-sentences'] ?? 1000);
    const seed = Number(values.seed ?? 1);
    if (!Number.isInteger(count) || count < 1) throw new UsageError(`--eval-sentences must be a positive whole number, not "${String(values['eval-sentences'])}"`);
    const engine = await loadEngine();
    const { heldOut } = brownSplit();
    // The same sample `train` evaluates on, so figures are comparable.
    const texts = sampleInOrder([...brownSentences(heldOut.map((f) => f.fileId))], count, seed + 2).map((s) => s.text);
    const results: { lambda: number; layers: LayerQuality[] }[] = [];
    for (const lambda of lambdas(values.lambda, engine.metadata.lambda)) {
      const layers = await evaluateDictionary(engine.model, engine.dictionary, texts, (X, n) => engine.coder.codeBatch(X, n, lambda));
      results.push({ lambda, layers });
      if (!values.json) {
        print(`λ = ${lambda} (${texts.length} held-out sentences): variance explained · energy explained · mean active factors · mean relative residual`);
        for (const q of layers) print(`  ${q.layer.padEnd(8)} ${(q.varianceExplained * 100).toFixed(1)}% · ${(q.energyExplained * 100).toFixed(1)}% · ${q.meanActive.toFixed(1)} · ${q.meanRelativeResidual.toFixed(3)}`);
      }
    }
    if (values.json) print(JSON.stringify({ dictionary: engine.metadata.name, atomCount: engine.dictionary.atomCount, trainedLambda: engine.metadata.lambda, sentences: texts.length, results }));
  },
};
