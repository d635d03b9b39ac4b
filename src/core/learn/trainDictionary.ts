import type { Dictionary } from '../dictionary/dictionary';
import type { LoadedModel } from '../model/loadedModel';
import { corpusHiddenStates } from './corpusHiddenStates';
import { DictionaryLearner, emptyState, PAPER_SETTINGS, type BatchCoder, type LearnerState } from './dictionaryLearner';
import { gaussianDictionary } from './initialDictionary';
import { SeededRandom } from './random';

export interface TrainingOptions {
  atomCount: number;
  lambda: number;
  seed: number;
  /** Indexes into the model's layers; one dictionary is shared by all of them. */
  layers: number[];
  epochs: number;
  /** The paper: the model runs on 10 sequences at a time… */
  textsPerModelBatch?: number;
  /** …and every 5 model batches the collected vectors are swept… */
  modelBatchesPerSweep?: number;
  /** …in coding batches of 100. */
  codingBatch?: number;
  onProgress?: (progress: TrainingProgress) => void;
  signal?: AbortSignal;
  /** Called at every sweep boundary; a snapshot given back as `resume` continues from there. */
  onSnapshot?: (snapshot: TrainingSnapshot) => void;
  resume?: TrainingSnapshot;
}

export interface TrainingProgress {
  epoch: number;
  textsDone: number;
  textsTotal: number;
  tokens: number;
  vectors: number;
  tokensPerSecond: number;
  etaSeconds: number;
  /** Running reconstruction SNR (dB) over recent batches. */
  snrDb: number;
  meanActive: number;
}

export interface TrainingSnapshot {
  dictionary: Dictionary;
  state: LearnerState;
  epoch: number;
  /** Texts of this epoch's order already used. */
  textIndex: number;
  tokens: number;
}

/** The order texts are visited in during an epoch: a fixed shuffle per (seed, epoch). */
export function epochOrder(count: number, seed: number, epoch: number): number[] {
  return new SeededRandom(seed * 1009 + epoch).shuffle(Array.from({ length: count }, (_, i) => i));
}

/**
 * Learns a dictionary from a corpus as the paper does: run the model over the texts, pool all
 * tokens' hidden states at the chosen layers, and sweep them (shuffled, in batches) through the
 * DictionaryLearner. Deterministic for a seed, cancellable, resumable from a snapshot.
 */
export async function trainDictionary(
  model: LoadedModel,
  texts: readonly string[],
  tokenCounts: Map<number, number>,
  coder: BatchCoder,
  options: TrainingOptions,
): Promise<TrainingSnapshot> {
  const { textsPerModelBatch = 10, modelBatchesPerSweep = 5, codingBatch = 100, signal } = options;
  const d = model.info.hiddenSize;
  const resume = options.resume;
  const dictionary = resume?.dictionary ?? gaussianDictionary(options.atomCount, d, new SeededRandom(options.seed));
  if (dictionary.hiddenSize !== d) throw new Error(`cannot resume: the checkpoint has ${dictionary.hiddenSize}-wide atoms, the model ${d}`);
  const learner = new DictionaryLearner(dictionary, { lambda: options.lambda, ...PAPER_SETTINGS }, coder, resume?.state ?? emptyState(dictionary.atomCount));
  const started = Date.now();
  let tokens = resume?.tokens ?? 0;
  const tokensAtStart = tokens;
  const textsPerSweep = textsPerModelBatch * modelBatchesPerSweep;
  const totalTexts = texts.length * options.epochs;

  for (let epoch = resume?.epoch ?? 0; epoch < options.epochs; epoch++) {
    const order = epochOrder(texts.length, options.seed, epoch);
    const firstText = epoch === resume?.epoch ? resume.textIndex : 0;
    for (let from = firstText; from < order.length; from += textsPerSweep) {
      signal?.throwIfAborted();
      const sweepTexts = order.slice(from, from + textsPerSweep).map((i) => texts[i]);
      const pooled = [];
      for await (const batch of corpusHiddenStates(model, sweepTexts, { textsPerBatch: textsPerModelBatch, layers: options.layers, signal })) {
        pooled.push(batch);
        tokens += batch.tokens;
      }
      const rows = pooled.flatMap((batch) => Array.from({ length: batch.count }, (_, r) => ({ batch, r })));
      new SeededRandom(options.seed * 7919 + epoch * 104729 + from).shuffle(rows);
      let report = { snrDb: 0, meanActive: 0 };
      for (let start = 0; start < rows.length; start += codingBatch) {
        signal?.throwIfAborted();
        const slice = rows.slice(start, start + codingBatch);
        const X = new Float32Array(slice.length * d);
        const counts = new Float32Array(slice.length);
        slice.forEach(({ batch, r }, i) => {
          X.set(batch.vectors.subarray(r * d, (r + 1) * d), i * d);
          counts[i] = tokenCounts.get(batch.tokenIds[r]) ?? 1;
        });
        report = await learner.step(X, slice.length, counts);
      }
      const textIndex = Math.min(order.length, from + textsPerSweep);
      const done = epoch * texts.length + textIndex;
      const seconds = (Date.now() - started) / 1000;
      const doneThisRun = done - ((resume?.epoch ?? 0) * texts.length + (resume?.textIndex ?? 0));
      options.onProgress?.({
        epoch,
        textsDone: done,
        textsTotal: totalTexts,
        tokens,
        vectors: learner.state.vectors,
        tokensPerSecond: (tokens - tokensAtStart) / Math.max(seconds, 1e-3),
        etaSeconds: doneThisRun > 0 ? (seconds / doneThisRun) * (totalTexts - done) : NaN,
        snrDb: 10 * Math.log10(learner.state.signalEnergy / Math.max(learner.state.noiseEnergy, 1e-30)),
        meanActive: report.meanActive,
      });
      options.onSnapshot?.({ dictionary, state: learner.state, epoch, textIndex, tokens });
    }
  }
  return { dictionary, state: learner.state, epoch: options.epochs, textIndex: 0, tokens };
}
