import type { CatalogExample } from '../../core/catalog/catalog';
import type { CatalogSummary } from '../../core/catalog/catalogSummary';
import type { FactorDetails } from '../../core/catalog/factorDetails';
import type { FactorNote } from '../../core/annotations/factorNotesFile';
import { escape } from '../hover/hoverMarkdown';

const EXAMPLES_SHOWN = 8;
const EXAMPLE_CONTEXT = 60;

/**
 * A factor's catalog entry as a Markdown page: labels, words, per-layer statistics, examples.
 * `details` are the factor's (factorDetails), undefined when the catalog has no such factor.
 */
export function factorMarkdown(catalog: CatalogSummary, factor: number, details: FactorDetails | undefined, options: { layer?: string; note?: FactorNote } = {}): string {
  if (!details) return `# Factor ${factor}\n\nThe catalog of ${escape(catalog.dictionary.name)} has no factor ${factor}.\n`;
  const entry = details.factor;
  const lines = [`# Factor #${factor} · ${escape(options.note?.label ?? entry.label)}`, ''];
  if (options.note?.label) lines.push(`Catalog label: ${escape(entry.label)}`, '');
  if (options.note?.note) lines.push(`> ${escape(options.note.note).replace(/\n/g, '\n> ')}`, '');
  lines.push(`Dictionary **${escape(catalog.dictionary.name)}** · model ${escape(catalog.model)} · corpus ${escape(catalog.corpus.name)} (${catalog.corpus.tokens.toLocaleString('en-US')} tokens) · label purity ${(entry.purity * 100).toFixed(0)}%`, '');
  if (entry.topWords.length) lines.push(`**Top words:** ${entry.topWords.slice(0, 12).map((w) => `${escape(w.word)} (${w.count})`).join(', ')}`, '');
  if (entry.topTags.length) lines.push(`**Parts of speech:** ${entry.topTags.slice(0, 6).map((t) => `${escape(t.tag)} (${t.count})`).join(', ')}`, '');
  lines.push('| Layer | Importance | Active on | Largest coefficient |', '| --- | ---: | ---: | ---: |');
  catalog.layers.forEach((layer, l) => {
    const stats = entry.layers[l];
    if (stats) lines.push(`| ${layer === options.layer ? `**${escape(layer)}**` : escape(layer)} | ${stats.importance.toFixed(2)} | ${(stats.activeFraction * 100).toFixed(2)}% | ${stats.maxCoefficient.toFixed(2)} |`);
  });
  lines.push('');
  const layerIndex = Math.max(0, options.layer ? catalog.layers.indexOf(options.layer) : strongest(entry.layers.map((l) => l.importance)));
  const examples = entry.layers[layerIndex]?.top.slice(0, EXAMPLES_SHOWN) ?? [];
  if (examples.length) {
    lines.push(`## Strongest examples at ${escape(catalog.layers[layerIndex])}`, '');
    for (const example of examples) lines.push(`- ${example.coefficient.toFixed(2)} · ${exampleText(details, example)}`);
    lines.push('');
  }
  if (entry.cooccurring.length) {
    lines.push(`**Often active together with:** ${entry.cooccurring.slice(0, 8).map((c) => `#${c.id} ${escape(catalog.factors[c.id]?.label ?? '')} (${(c.share * 100).toFixed(0)}%)`).join(', ')}`, '');
  }
  return lines.join('\n');
}

/** The example's sentence around the token, the token in bold. */
function exampleText(details: FactorDetails, example: CatalogExample): string {
  const text = details.texts[example.text] ?? '';
  const from = Math.max(0, example.start - EXAMPLE_CONTEXT);
  const to = Math.min(text.length, example.end + EXAMPLE_CONTEXT);
  const clean = (s: string) => escape(s.replace(/\s+/g, ' '));
  return `${from > 0 ? '…' : ''}${clean(text.slice(from, example.start))}**${clean(text.slice(example.start, example.end))}**${clean(text.slice(example.end, to))}${to < text.length ? '…' : ''}`;
}

function strongest(values: number[]): number {
  let best = 0;
  values.forEach((v, i) => v > values[best] && (best = i));
  return best;
}
