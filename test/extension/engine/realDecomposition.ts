import { after } from 'node:test';
import { join } from 'node:path';
import type { DocumentDecomposition } from '../../../src/core/decompose/documentDecomposition';
import { FactorEngine } from '../../../src/core/engine/factorEngine';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir, bundledModelDir } from '../../../src/core/model/bundledModel';
import type { DecomposedSpan } from '../../../src/extension/engine/engineProtocol';
import { PartialDecomposition } from '../../../src/extension/engine/partialDecomposition';

let engine: Promise<FactorEngine> | undefined;
// Registered on import, at the test file's top level: released once all its tests are done.
after(async () => (await engine)?.dispose());

/** The bundled model and dictionary, opened on first use and shared by the test file's tests. */
export function bundledEngine(): Promise<FactorEngine> {
  engine ??= FactorEngine.open({ modelDir: bundledModelDir(), dictionaryPath: join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE) });
  return engine;
}

/** The real engine's decomposition of a text. */
export async function decompose(text: string): Promise<DocumentDecomposition> {
  return (await bundledEngine()).decompose(text);
}

/** A decomposition cut into spans of `size` tokens (CSR slices, as the worker sends them). */
export function spansOf(decomposition: DocumentDecomposition, size: number): DecomposedSpan[] {
  const spans: DecomposedSpan[] = [];
  for (let start = 0; start < decomposition.tokens.length; start += size) {
    const end = Math.min(decomposition.tokens.length, start + size);
    spans.push({
      tokenStart: start,
      tokenEnd: end,
      codes: decomposition.codes.map((rows) => {
        const from = rows.offsets[start];
        const to = rows.offsets[end];
        return {
          offsets: Uint32Array.from(rows.offsets.subarray(start, end + 1), (o) => o - from),
          indices: rows.indices.slice(from, to),
          values: rows.values.slice(from, to),
        };
      }),
      relativeResiduals: decomposition.relativeResiduals.map((r) => r.slice(start, end)),
    });
  }
  return spans;
}

/** A complete PartialDecomposition of text, its spans added in the order given by `order` (default: as cut). */
export async function partialOf(text: string, spanSize = 7, order?: (spans: DecomposedSpan[]) => DecomposedSpan[]): Promise<{ partial: PartialDecomposition; decomposition: DocumentDecomposition }> {
  const decomposition = await decompose(text);
  const partial = new PartialDecomposition(text, decomposition.tokens, decomposition.layers);
  const spans = spansOf(decomposition, spanSize);
  for (const span of order ? order(spans) : spans) partial.add(span);
  return { partial, decomposition };
}
