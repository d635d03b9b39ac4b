import type { DocumentDecomposition } from './documentDecomposition';

/** Every token, layer, non-zero factor and coefficient, as one JSON document. */
export function decompositionToJson(decomposition: DocumentDecomposition, meta: { model: string; dictionary: string; lambda: number; source?: string }): string {
  const { tokens, layers, codes, relativeResiduals } = decomposition;
  return JSON.stringify({
    ...meta,
    layers,
    tokens: tokens.map((token, t) => ({
      text: token.text,
      start: token.start,
      end: token.end,
      id: token.id,
      layers: layers.map((layer, l) => {
        const rows = codes[l];
        const factors = [];
        for (let j = rows.offsets[t]; j < rows.offsets[t + 1]; j++) factors.push({ id: rows.indices[j], coef: rows.values[j] });
        factors.sort((a, b) => b.coef - a.coef);
        return { layer, factors, relResidual: relativeResiduals[l][t] };
      }),
    })),
  });
}

/** Long format, one row per (token, layer, factor): what notebooks load with one call. */
export function decompositionToCsv(decomposition: DocumentDecomposition): string {
  const { tokens, layers, codes } = decomposition;
  const lines = ['token_index,start,end,text,layer,factor,coefficient'];
  tokens.forEach((token, t) => {
    const text = csvField(token.text);
    layers.forEach((layer, l) => {
      const rows = codes[l];
      for (let j = rows.offsets[t]; j < rows.offsets[t + 1]; j++) {
        lines.push(`${t},${token.start},${token.end},${text},${layer},${rows.indices[j]},${rows.values[j]}`);
      }
    });
  });
  return lines.join('\n') + '\n';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
