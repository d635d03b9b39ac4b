import type { ScoredTextView } from '../src/extension/panel/protocol';
import { formatNumber, h } from './dom';

export type Scale = 'activation' | 'attribution';

/**
 * A short text with each token shaded by its score: activations on the activation colour,
 * attributions on a second, diverging scale (supporting vs. opposing). `emphasis` marks the
 * token the scores are about.
 */
export function scoredText(view: ScoredTextView, scale: Scale, emphasis: { start: number; end: number } | undefined, max?: number): HTMLElement {
  const top = max ?? Math.max(1e-9, ...view.scores.map(Math.abs));
  const out = h('span', { className: `scored ${scale}` });
  let at = 0;
  view.starts.forEach((start, i) => {
    const end = view.ends[i];
    if (end <= start || start < at) return;
    if (start > at) out.appendChild(document.createTextNode(view.text.slice(at, start)));
    const score = view.scores[i] ?? 0;
    const emphasised = emphasis !== undefined && start < emphasis.end && end > emphasis.start;
    const span = h('span', {
      className: `tok${emphasised ? ' emphasis' : ''}${score < 0 ? ' negative' : ''}`,
      title: emphasised && scale === 'attribution' ? 'the token whose activation is explained' : `${scale === 'attribution' ? 'attribution' : 'activation'} ${formatNumber(score)}`,
      dataset: { score: String(score) },
    }, view.text.slice(start, end));
    if (score !== 0 && !(emphasised && scale === 'attribution')) {
      const intensity = Math.min(1, Math.abs(score) / top);
      span.dataset.intensity = intensity.toFixed(3);
      span.style.setProperty('--a', intensity.toFixed(3));
    }
    out.appendChild(span);
    at = end;
  });
  if (at < view.text.length) out.appendChild(document.createTextNode(view.text.slice(at)));
  return out;
}

/** A text with one emphasised range and no scores yet. */
export function plainExample(text: string, start: number, end: number): HTMLElement {
  return h('span', { className: 'scored activation' },
    text.slice(0, start), h('span', { className: 'tok emphasis' }, text.slice(start, end)), text.slice(end));
}
