import type { CatalogExample, CatalogFactor, FactorAtLayer, FactorCatalog } from './catalog';
import { BoundedTopK } from './boundedTopK';
import { labelFactor } from './factorLabel';
import { ReservoirSample } from './reservoirSample';
import type { SparseCodes } from '../sparse/sparseCodes';

export interface CatalogSettings {
  atomCount: number;
  layers: string[];
  /** N of the importance score (the paper's demo averages its 500 stored top examples). */
  importanceTopN: number;
  /** Top examples kept for display per factor and layer. */
  shownTop: number;
  /** Activations sampled per factor and layer for the histogram and interval examples. */
  reservoirSize: number;
  histogramBins: number;
  /** Interval examples: this many equal intervals below the top one… */
  intervals: number;
  /** …with up to this many examples each. */
  examplesPerInterval: number;
  seed: number;
}

export const DEFAULT_CATALOG_SETTINGS: Omit<CatalogSettings, 'atomCount' | 'layers'> = {
  importanceTopN: 500,
  shownTop: 20,
  reservoirSize: 200,
  histogramBins: 24,
  intervals: 4,
  examplesPerInterval: 4,
  seed: 1,
};

interface TokenRecord {
  text: number;
  start: number;
  end: number;
  word: string;
  tag: string;
}

/** Accumulates the codes of a corpus, token by token and layer by layer, into a FactorCatalog. */
export class CatalogBuilder {
  private readonly texts: string[] = [];
  private readonly tokens: TokenRecord[] = [];
  private readonly top: BoundedTopK;
  private readonly sample: ReservoirSample;
  private readonly activeCount: Float64Array;
  private readonly cooccurrence: Uint32Array;
  private readonly tokensPerLayer: Float64Array;

  constructor(readonly settings: CatalogSettings) {
    const slots = settings.atomCount * settings.layers.length;
    this.top = new BoundedTopK(slots, settings.importanceTopN);
    this.sample = new ReservoirSample(slots, settings.reservoirSize, settings.seed);
    this.activeCount = new Float64Array(slots);
    this.cooccurrence = new Uint32Array(settings.atomCount * settings.atomCount);
    this.tokensPerLayer = new Float64Array(settings.layers.length);
  }

  addText(text: string): number {
    return this.texts.push(text) - 1;
  }

  /** Registers a token of a text; `word`/`tag` are the corpus word covering it, if known. */
  addToken(text: number, start: number, end: number, word = '', tag = ''): number {
    return this.tokens.push({ text, start, end, word, tag }) - 1;
  }

  /** Adds the codes of tokens `tokenIds[i]` (from addToken) at one layer. */
  addCodes(layer: number, tokenIds: ArrayLike<number>, codes: SparseCodes): void {
    const K = this.settings.atomCount;
    this.tokensPerLayer[layer] += tokenIds.length;
    for (let i = 0; i < tokenIds.length; i++) {
      const from = codes.offsets[i];
      const to = codes.offsets[i + 1];
      for (let j = from; j < to; j++) {
        const factor = codes.indices[j];
        const value = codes.values[j];
        const slot = layer * K + factor;
        this.activeCount[slot]++;
        this.top.offer(slot, value, tokenIds[i]);
        this.sample.offer(slot, value, tokenIds[i]);
        for (let m = from; m < to; m++) if (m !== j) this.cooccurrence[factor * K + codes.indices[m]]++;
      }
    }
  }

  build(info: Pick<FactorCatalog, 'dictionary' | 'model' | 'lambda' | 'corpus'>): FactorCatalog {
    const { atomCount: K, layers, shownTop } = this.settings;
    const usedTexts = new Map<number, number>();
    const example = (payload: number, coefficient: number): CatalogExample => {
      const token = this.tokens[payload];
      let text = usedTexts.get(token.text);
      if (text === undefined) usedTexts.set(token.text, (text = usedTexts.size));
      return { text, start: token.start, end: token.end, coefficient };
    };
    const factors: CatalogFactor[] = [];
    for (let factor = 0; factor < K; factor++) {
      const perLayer = layers.map((_, layer) => this.top.entries(layer * K + factor));
      const strongest = perLayer.flat().sort((a, b) => b.value - a.value).slice(0, 100);
      const label = labelFactor(strongest.map((e) => this.tokens[e.payload]));
      factors.push({
        id: factor,
        ...label,
        layers: layers.map((_, layer) => this.factorAtLayer(factor, layer, perLayer[layer].slice(0, shownTop), example)),
        cooccurring: this.cooccurringWith(factor),
      });
    }
    const texts = new Array<string>(usedTexts.size);
    for (const [original, index] of usedTexts) texts[index] = this.texts[original];
    return { formatVersion: 1, ...info, layers, atomCount: K, importanceTopN: this.settings.importanceTopN, texts, factors };
  }

  private factorAtLayer(factor: number, layer: number, shown: Array<{ value: number; payload: number }>,
    example: (payload: number, coefficient: number) => CatalogExample): FactorAtLayer {
    const { atomCount: K, histogramBins, intervals, examplesPerInterval } = this.settings;
    const slot = layer * K + factor;
    const all = this.top.entries(slot);
    const maxCoefficient = all[0]?.value ?? 0;
    // A factor active fewer than N times counts the missing activations as zero.
    const importance = all.reduce((s, e) => s + e.value, 0) / this.settings.importanceTopN;
    const sampled = this.sample.entries(slot);
    const scale = sampled.length ? this.sample.count(slot) / sampled.length : 0;
    const histogram = new Array<number>(histogramBins).fill(0);
    for (const s of sampled) histogram[Math.min(histogramBins - 1, Math.floor((s.value / maxCoefficient) * histogramBins))] += scale;
    // (0, max] in intervals + 1 equal bands; the top band is what `top` shows, the rest are sampled.
    const width = 1 / (intervals + 1);
    const bands = Array.from({ length: intervals }, (_, i) => {
      const to = (intervals - i) * width;
      const from = to - width;
      const inBand = sampled.filter((s) => s.value > from * maxCoefficient && s.value <= to * maxCoefficient)
        .sort((a, b) => b.value - a.value).slice(0, examplesPerInterval);
      return { from, to, examples: inBand.map((s) => example(s.payload, s.value)) };
    });
    return {
      activeFraction: this.activeCount[slot] / Math.max(1, this.tokensPerLayer[layer]),
      importance,
      maxCoefficient,
      histogram: histogram.map((c) => Math.round(c)),
      top: shown.map((e) => example(e.payload, e.value)),
      intervals: bands,
    };
  }

  private cooccurringWith(factor: number): Array<{ id: number; share: number }> {
    const K = this.settings.atomCount;
    let active = 0;
    for (let layer = 0; layer < this.settings.layers.length; layer++) active += this.activeCount[layer * K + factor];
    if (!active) return [];
    const row = this.cooccurrence.subarray(factor * K, (factor + 1) * K);
    return Array.from(row, (count, id) => ({ id, share: count / active }))
      .filter((e) => e.share > 0)
      .sort((a, b) => b.share - a.share || a.id - b.id)
      .slice(0, 8);
  }
}
