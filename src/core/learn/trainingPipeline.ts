import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { buildCatalog } from '../catalog/buildCatalog';
import { catalogPathFor, writeCatalog } from '../catalog/catalogFile';
import type { BrownSentence } from '../corpus/brownCorpus';
import type { DictionaryMetadata } from '../dictionary/dictionary';
import { DICTIONARY_FORMAT_VERSION, writeDictionaryFile } from '../dictionary/dictionaryFile';
import type { LoadedModel } from '../model/loadedModel';
import { OnnxMatMul } from '../sparse/onnxMatMul';
import { SparseCoder } from '../sparse/sparseCoder';
import { checkpointPaths, loadCheckpoint, saveCheckpoint } from './checkpoint';
import type { BatchCoder } from './dictionaryLearner';
import { evaluateDictionary, type LayerQuality } from './evaluateDictionary';
import { countTokens } from './tokenFrequency';
import { TrackedGram } from './trackedGram';
import { trainDictionary, type TrainingProgress } from './trainDictionary';

export interface TrainingRun {
  outPath: string;
  name: string;
  atomCount: number;
  lambda: number;
  seed: number;
  epochs: number;
  corpusName: string;
  /** The sentences learned from, and the ones the catalog and the evaluation use. */
  trainSentences: readonly BrownSentence[];
  catalogSentences: readonly BrownSentence[];
  evaluationSentences: readonly BrownSentence[];
  command?: string;
  dataVersion?: string;
  resume?: boolean;
}

export interface TrainingCallbacks {
  onStage?: (stage: 'training' | 'evaluating' | 'catalog', detail: string) => void;
  onTrainingProgress?: (progress: TrainingProgress) => void;
  onCatalogProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface TrainingResult {
  outPath: string;
  catalogPath: string;
  seconds: { training: number; evaluation: number; catalog: number };
  quality: LayerQuality[];
  metadata: DictionaryMetadata;
}

/**
 * Trains a dictionary as the paper does (with the exact active-set coder inside its loop),
 * checkpointing as it goes, then measures it on held-out text and builds its factor catalog.
 */
export async function runTraining(model: LoadedModel, run: TrainingRun, callbacks: TrainingCallbacks = {}): Promise<TrainingResult> {
  const settings = { atomCount: run.atomCount, lambda: run.lambda, seed: run.seed, epochs: run.epochs, sentences: run.trainSentences.length, model: model.info.onnxSha256 };
  const texts = run.trainSentences.map((s) => s.text);
  const metadata = (seconds?: number, tokens?: number): DictionaryMetadata => ({
    formatVersion: DICTIONARY_FORMAT_VERSION,
    name: run.name,
    model: { id: model.info.id, hiddenSize: model.info.hiddenSize, onnxSha256: model.info.onnxSha256 },
    layers: model.info.layers,
    atomCount: run.atomCount,
    lambda: run.lambda,
    training: { corpus: run.corpusName, seed: run.seed, command: run.command, dataVersion: run.dataVersion, tokens, epochs: run.epochs, seconds },
    createdAt: new Date().toISOString(),
  });

  callbacks.onStage?.('training', `${texts.length} texts, K = ${run.atomCount}, λ = ${run.lambda}`);
  const started = Date.now();
  const resume = run.resume ? loadCheckpoint(run.outPath, settings) : undefined;
  const tokenCounts = countTokens(model.tokenizer, texts);
  // The paper's loop codes with FISTA; the active-set coder reaches the same objective, faster.
  // Φ changes every step, so its Gram matrix ΦᵀΦ is kept current (the changed atoms' rows, on
  // ONNX Runtime's GEMM, which also computes the batch's correlations XΦᵀ).
  const matMul = await OnnxMatMul.create();
  const trackedGram = new TrackedGram(matMul);
  let batchCoder: SparseCoder | undefined;
  const coder: BatchCoder = async (dictionary, X, n, lambda) => {
    const { atoms, atomCount: K, hiddenSize: d } = dictionary;
    const gram = await trackedGram.current(dictionary);
    const correlations = await matMul.multiplyTransposed(X.subarray(0, n * d), n, atoms, K, d);
    if (batchCoder) batchCoder.retarget(dictionary, gram);
    else batchCoder = new SparseCoder(dictionary, { gram });
    return batchCoder.codeBatch(X, n, lambda, { correlations });
  };
  const final = await trainDictionary(model, texts, tokenCounts, coder, {
    atomCount: run.atomCount, lambda: run.lambda, seed: run.seed, epochs: run.epochs, layers: model.info.layers.map((_, i) => i),
    onProgress: callbacks.onTrainingProgress, signal: callbacks.signal, resume,
    onSnapshot: (snapshot) => saveCheckpoint(run.outPath, snapshot, metadata(undefined, snapshot.tokens), settings),
  });
  await matMul.dispose();
  const trainingSeconds = (Date.now() - started) / 1000;
  const done = metadata(trainingSeconds, final.tokens);

  callbacks.onStage?.('evaluating', `${run.evaluationSentences.length} held-out texts`);
  const evaluationStart = Date.now();
  const fastCoder = new SparseCoder(final.dictionary);
  const code = (X: Float32Array, n: number) => fastCoder.codeBatch(X, n, run.lambda);
  const quality = await evaluateDictionary(model, final.dictionary, run.evaluationSentences.map((s) => s.text), code, callbacks.signal);
  const evaluationSeconds = (Date.now() - evaluationStart) / 1000;

  callbacks.onStage?.('catalog', `${run.catalogSentences.length} texts`);
  const catalogStart = Date.now();
  const sha256 = writeDictionaryFile(run.outPath, final.dictionary, done);
  const catalog = await buildCatalog(model, run.catalogSentences, run.atomCount, code,
    { dictionary: { name: run.name, sha256 }, lambda: run.lambda, corpusName: run.corpusName },
    { onProgress: callbacks.onCatalogProgress, signal: callbacks.signal });
  const catalogPath = catalogPathFor(run.outPath);
  writeCatalog(catalogPath, catalog);
  const paths = checkpointPaths(run.outPath);
  rmSync(paths.dictionary, { force: true });
  rmSync(paths.state, { force: true });
  return { outPath: run.outPath, catalogPath, seconds: { training: trainingSeconds, evaluation: evaluationSeconds, catalog: (Date.now() - catalogStart) / 1000 }, quality, metadata: done };
}

/** A short fingerprint of a corpus selection, recorded as the dictionary's data version. */
export function corpusFingerprint(sentences: readonly BrownSentence[]): string {
  const hash = createHash('sha256');
  for (const s of sentences) hash.update(`${s.fileId}:${s.index}\n`);
  return hash.digest('hex').slice(0, 16);
}
