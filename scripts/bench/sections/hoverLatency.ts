import type { DocumentDecomposition } from '../../../src/core/decompose/documentDecomposition';
import type { FactorEngine } from '../../../src/core/engine/factorEngine';
import { SeededRandom } from '../../../src/core/learn/random';
import { PartialDecomposition } from '../../../src/extension/engine/partialDecomposition';
import { hoverContent } from '../../../src/extension/hover/hoverContent';
import { median } from '../support/timing';

export interface HoverLatency {
  hovers: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

/**
 * (c) A repeat hover, as the extension's hover provider builds it (hoverContent) from the
 * document's cached decomposition: the token lookup, its top factors at every layer with
 * labels, and the Markdown. Timed over random offsets.
 */
export function hoverLatency(engine: FactorEngine, text: string, decomposition: DocumentDecomposition, hovers: number, factorsShown = 5): HoverLatency {
  const { tokens, layers, codes, relativeResiduals } = decomposition;
  const cached = new PartialDecomposition(text, tokens, layers);
  cached.add({ tokenStart: 0, tokenEnd: tokens.length, codes, relativeResiduals });
  const options = {
    factorsShown,
    name: (factor: number) => ({ label: engine.label(factor) }),
    commands: { highlight: 'transformerFactors.highlightFactor', openFactor: 'transformerFactors.openFactor' },
  };
  // The labels are in memory before the editor hovers (its catalog host reads them at start-up); the engine reads them on first use.
  engine.label(0);
  const random = new SeededRandom(7);
  const times: number[] = [];
  let characters = 0;
  for (let h = 0; h < hovers; h++) {
    const offset = Math.floor(random.next() * text.length);
    const start = performance.now();
    const hover = hoverContent(cached, offset, options);
    times.push(performance.now() - start);
    characters += hover?.markdown.length ?? 0;
  }
  if (characters === 0) throw new Error('no hover produced any Markdown');
  const sorted = [...times].sort((a, b) => a - b);
  return { hovers: times.length, medianMs: median(times), p95Ms: sorted[Math.floor(sorted.length * 0.95)], maxMs: sorted[sorted.length - 1] };
}
