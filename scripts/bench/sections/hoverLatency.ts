import { factorsOf, type DocumentDecomposition } from '../../../src/core/decompose/documentDecomposition';
import type { FactorEngine } from '../../../src/core/engine/factorEngine';
import { SeededRandom } from '../../../src/core/learn/random';
import { tokenAtOffset, wordPieces } from '../../../src/core/tokenize/tokenAtOffset';
import { hoverMarkdown } from '../../../src/extension/hover/hoverMarkdown';
import { median } from '../support/timing';

export interface HoverLatency {
  hovers: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

/**
 * (c) A repeat hover: the document's decomposition is cached, so a hover is the token lookup,
 * its top factors at every layer with labels, and the Markdown. Timed over random offsets.
 */
export function hoverLatency(engine: FactorEngine, text: string, decomposition: DocumentDecomposition, hovers: number, factorsShown = 5): HoverLatency {
  const random = new SeededRandom(7);
  const { tokens } = decomposition;
  const times: number[] = [];
  let characters = 0;
  for (let h = 0; h < hovers; h++) {
    const offset = Math.floor(random.next() * text.length);
    const start = performance.now();
    const i = tokenAtOffset(tokens, offset);
    if (i < 0) continue;
    const { first, last } = wordPieces(tokens, i);
    const markdown = hoverMarkdown({
      tokenText: tokens[i].text,
      wordPieces: tokens.slice(first, last + 1).map((t) => t.text),
      layers: decomposition.layers.map((layer, l) => {
        const all = factorsOf(decomposition, l, i);
        return {
          layer,
          factors: all.slice(0, factorsShown).map((f) => ({ id: f.id, coefficient: f.coefficient, label: engine.label(f.id) })),
          active: all.length,
          relativeResidual: decomposition.relativeResiduals[l][i],
        };
      }),
      commands: { highlight: 'transformerFactors.highlightFactor', openFactor: 'transformerFactors.openFactor' },
    });
    times.push(performance.now() - start);
    characters += markdown.length;
  }
  if (characters === 0) throw new Error('no hover produced any Markdown');
  const sorted = [...times].sort((a, b) => a - b);
  return { hovers: times.length, medianMs: median(times), p95Ms: sorted[Math.floor(sorted.length * 0.95)], maxMs: sorted[sorted.length - 1] };
}
