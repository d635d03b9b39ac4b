import type { Dictionary } from '../dictionary/dictionary';
import { decomposeDocument, type LayerCoder } from '../decompose/decomposeDocument';
import type { LoadedModel } from '../model/loadedModel';

export interface LayerQuality {
  layer: string;
  tokens: number;
  /** 1 − Σ‖x − Φα‖² / Σ‖x − x̄‖²: reconstruction against the layer's centred variance. */
  varianceExplained: number;
  /** 1 − Σ‖x − Φα‖² / Σ‖x‖²: the same against raw energy (flattered by the large mean). */
  energyExplained: number;
  meanActive: number;
  meanRelativeResidual: number;
}

/**
 * Measures how well a dictionary reconstructs each layer's hidden states on texts it was not
 * trained on, and how sparse the codes are.
 */
export async function evaluateDictionary(
  model: LoadedModel,
  dictionary: Dictionary,
  texts: Iterable<string>,
  code: LayerCoder,
  signal?: AbortSignal,
): Promise<LayerQuality[]> {
  const { layers, hiddenSize: d } = model.info;
  const acc = layers.map(() => ({ n: 0, sum: new Float64Array(d), energy: 0, residual: 0, active: 0, relative: 0 }));
  for (const text of texts) {
    const tokens = model.tokenizer.tokenize(text);
    for await (const chunk of decomposeDocument(model, dictionary, code, tokens, text, { signal })) {
      chunk.relativeResiduals.forEach((relative, layer) => {
        const a = acc[layer];
        const codes = chunk.codes[layer];
        const X = chunk.states[layer];
        for (let i = 0; i < relative.length; i++) {
          let xx = 0;
          for (let h = 0; h < d; h++) {
            const v = X[i * d + h];
            xx += v * v;
            a.sum[h] += v;
          }
          a.n++;
          a.energy += xx;
          a.residual += relative[i] * relative[i] * xx;
          a.relative += relative[i];
          a.active += codes.offsets[i + 1] - codes.offsets[i];
        }
      });
    }
  }
  return layers.map((layer, i) => {
    const a = acc[i];
    let meanSquares = 0;
    for (let h = 0; h < d; h++) meanSquares += (a.sum[h] / a.n) ** 2;
    const centred = a.energy - a.n * meanSquares;
    return {
      layer,
      tokens: a.n,
      varianceExplained: 1 - a.residual / centred,
      energyExplained: 1 - a.residual / a.energy,
      meanActive: a.active / a.n,
      meanRelativeResidual: a.relative / a.n,
    };
  });
}
