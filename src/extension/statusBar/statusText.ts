export interface StatusInput {
  dictionary?: string;
  layer?: string;
  /** `#12 label` of the highlighted factor, or 'strongest' for strongest-factor mode. */
  highlight?: string;
  /** Tokens decomposed so far of the active document, while its analysis runs. */
  progress?: { done: number; total: number };
  /** Why the active document is not analysed, in a few words. */
  notAnalysed?: string;
}

const MAX_HIGHLIGHT = 28;

/** The status bar entry: what is shown (dictionary · layer · factor) and, while it runs, how far the analysis is. */
export function statusText(input: StatusInput): { text: string; tooltip: string } {
  const parts = [input.dictionary ?? 'no dictionary', input.layer, input.highlight && shorten(input.highlight, MAX_HIGHLIGHT)].filter(Boolean);
  const icon = input.progress ? `$(sync~spin) ${percent(input.progress)}%` : input.notAnalysed ? '$(circle-slash)' : '$(symbol-misc)';
  const tooltip = [
    'Transformer Factors — click to choose what to show',
    `Dictionary: ${input.dictionary ?? 'none'}`,
    `Layer: ${input.layer ?? '—'}`,
    `Highlight: ${input.highlight ?? 'none'}`,
    ...(input.progress ? [`Decomposing: ${input.progress.done.toLocaleString('en-US')} of ${input.progress.total.toLocaleString('en-US')} tokens`] : []),
    ...(input.notAnalysed ? [`Not analysed: ${input.notAnalysed}`] : []),
  ].join('\n');
  return { text: `${icon} ${parts.join(' · ')}`, tooltip };
}

function percent({ done, total }: { done: number; total: number }): number {
  return total ? Math.floor((100 * done) / total) : 0;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
