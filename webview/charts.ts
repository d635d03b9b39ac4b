import { formatNumber, svg } from './dom';

const WIDTH = 360;
const HEIGHT = 140;
const PAD = { left: 40, right: 12, top: 12, bottom: 28 };

/**
 * Importance IS(c, l) across layers: where the factor emerges and fades. One point per layer;
 * the selected layer's point is marked, and each point selects its layer (click, or Enter).
 */
export function importancePlot(layers: readonly string[], importance: readonly number[], selected: number, onSelect: (layer: number) => void): SVGElement {
  const max = Math.max(...importance, 1e-9);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (layers.length > 1 ? (i * plotWidth) / (layers.length - 1) : plotWidth / 2);
  const y = (v: number) => PAD.top + plotHeight - (v / max) * plotHeight;
  const chart = svg('svg', { class: 'chart importance-plot', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'group', 'aria-label': 'Importance score by layer' });
  chart.appendChild(axes(plotWidth, plotHeight, formatNumber(max)));
  chart.appendChild(svg('polyline', { class: 'line', points: importance.map((v, i) => `${x(i)},${y(v)}`).join(' ') }));
  layers.forEach((name, i) => {
    const point = svg('circle', {
      class: i === selected ? 'point selected' : 'point', cx: x(i), cy: y(importance[i]), r: i === selected ? 5 : 4,
      tabindex: 0, role: 'button', 'aria-label': `${name}: importance ${formatNumber(importance[i])}`, 'data-layer': i,
    }, svg('title', {}, `${name}: ${formatNumber(importance[i])}`));
    point.addEventListener('click', () => onSelect(i));
    point.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Enter' || (event as KeyboardEvent).key === ' ') onSelect(i);
    });
    chart.appendChild(point);
    chart.appendChild(svg('text', { class: 'tick', x: x(i), y: HEIGHT - 8, 'text-anchor': 'middle' }, name));
  });
  return chart;
}

/** The activation histogram: counts of non-zero coefficients in equal bins over (0, max]. */
export function histogramChart(counts: readonly number[], maxCoefficient: number): SVGElement {
  const top = Math.max(...counts, 1);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const barWidth = plotWidth / Math.max(1, counts.length);
  const chart = svg('svg', { class: 'chart histogram', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': `Histogram of ${counts.length} bins of non-zero coefficients up to ${formatNumber(maxCoefficient)}` });
  chart.appendChild(axes(plotWidth, plotHeight, formatNumber(top)));
  counts.forEach((count, i) => {
    // Square-root heights keep the long tail of rare large activations visible.
    const height = (Math.sqrt(count) / Math.sqrt(top)) * plotHeight;
    const from = (i / counts.length) * maxCoefficient;
    const to = ((i + 1) / counts.length) * maxCoefficient;
    chart.appendChild(svg('rect', { class: 'bar', x: PAD.left + i * barWidth + 0.5, y: PAD.top + plotHeight - height, width: Math.max(0.5, barWidth - 1), height, 'data-count': count },
      svg('title', {}, `${formatNumber(from)}–${formatNumber(to)}: ${Math.round(count)}`)));
  });
  chart.appendChild(svg('text', { class: 'tick', x: PAD.left, y: HEIGHT - 8, 'text-anchor': 'start' }, '0'));
  chart.appendChild(svg('text', { class: 'tick', x: WIDTH - PAD.right, y: HEIGHT - 8, 'text-anchor': 'end' }, formatNumber(maxCoefficient)));
  return chart;
}

function axes(plotWidth: number, plotHeight: number, maxLabel: string): SVGElement {
  return svg('g', { class: 'axes' },
    svg('line', { x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: PAD.top + plotHeight }),
    svg('line', { x1: PAD.left, y1: PAD.top + plotHeight, x2: PAD.left + plotWidth, y2: PAD.top + plotHeight }),
    svg('text', { class: 'tick', x: PAD.left - 4, y: PAD.top + 4, 'text-anchor': 'end' }, maxLabel),
    svg('text', { class: 'tick', x: PAD.left - 4, y: PAD.top + plotHeight, 'text-anchor': 'end' }, '0'));
}
