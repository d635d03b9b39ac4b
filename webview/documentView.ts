import { h } from './dom';
import { firstEndingAfter, rowOf, wrapRows, type Rows } from './rows';

export const ROW_HEIGHT = 20;
/** Rows rendered beyond each edge of the viewport, so scrolling does not flash. */
const OVERSCAN = 20;

export interface DocumentViewHandlers {
  hover(token: number | undefined, anchor?: HTMLElement): void;
  select(token: number): void;
  pin(token: number): void;
  scrolled(scrollTop: number): void;
}

/**
 * The document's text with its tokens coloured, rendered in rows of equal height and only for
 * the rows near the viewport, so a document of any length costs a screenful of elements.
 * Tokens are reachable by keyboard: arrows move between them, Enter selects, P pins.
 */
export class DocumentView {
  readonly element: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly rowsElement: HTMLElement;
  private text = '';
  private starts: ArrayLike<number> = [];
  private ends: ArrayLike<number> = [];
  private rows: Rows = { starts: new Uint32Array(1), ends: new Uint32Array(1) };
  private columns = 0;
  private values: ArrayLike<number> = [];
  private colors: ArrayLike<number> = [];
  private mode: 'factor' | 'strongest' = 'strongest';
  private cursor = -1;
  private selected = -1;
  private pinned = -1;
  private rendered = { first: -1, last: -1 };
  /** Where the view should be scrolled: kept while it is hidden (a hidden element cannot scroll). */
  private wantedScroll = 0;

  constructor(private readonly handlers: DocumentViewHandlers) {
    this.spacer = h('div', { className: 'doc-spacer' });
    this.rowsElement = h('div', { className: 'doc-rows' });
    this.element = h('div', {
      className: 'doc-scroll',
      attrs: { tabindex: '0', role: 'application', 'aria-label': 'Document tokens: arrow keys move between tokens, Enter shows a token’s factors, P pins it' },
      on: {
        scroll: () => {
          if (this.element.clientHeight === 0) return;
          this.wantedScroll = this.element.scrollTop;
          this.render();
          this.handlers.scrolled(this.element.scrollTop);
        },
        mouseover: (event) => {
          const span = tokenSpan(event.target);
          if (span) this.handlers.hover(Number(span.dataset.token), span);
        },
        mouseleave: () => this.handlers.hover(undefined),
        click: (event) => {
          const span = tokenSpan(event.target);
          if (!span) return;
          this.cursor = Number(span.dataset.token);
          this.handlers.select(this.cursor);
        },
        keydown: (event) => this.onKey(event),
      },
    }, this.spacer);
    this.spacer.appendChild(this.rowsElement);
    this.spacer.style.setProperty('--row-height', `${ROW_HEIGHT}px`);
    new ResizeObserver(() => this.layout()).observe(this.element);
  }

  setDocument(text: string, starts: ArrayLike<number>, ends: ArrayLike<number>): void {
    this.text = text;
    this.starts = starts;
    this.ends = ends;
    this.values = [];
    this.colors = [];
    if (this.cursor >= starts.length) this.cursor = -1;
    this.columns = 0;
    this.layout();
  }

  setHighlights(mode: 'factor' | 'strongest', values: ArrayLike<number>, colors: ArrayLike<number>): void {
    this.mode = mode;
    this.values = values;
    this.colors = colors;
    this.rerender();
  }

  setSelected(token: number): void {
    this.selected = token;
    this.rerender();
  }

  setPinned(token: number): void {
    this.pinned = token;
    this.rerender();
  }

  get tokenCount(): number {
    return this.starts.length;
  }

  scrollTo(scrollTop: number): void {
    this.wantedScroll = scrollTop;
    this.element.scrollTop = scrollTop;
    this.render();
  }

  /** Scrolls the token's row into view and renders it. */
  revealToken(token: number): void {
    if (token < 0 || token >= this.starts.length) return;
    const top = rowOf(this.rows, this.starts[token]) * ROW_HEIGHT;
    const view = this.element.clientHeight || ROW_HEIGHT * 10;
    if (top < this.element.scrollTop || top + ROW_HEIGHT > this.element.scrollTop + view) this.element.scrollTop = Math.max(0, top - view / 3);
    this.rerender();
  }

  private layout(): void {
    if (this.element.clientHeight > 0 && this.element.scrollTop !== this.wantedScroll) {
      // Shown again after being hidden: the text is laid out below, then scrolled back.
      queueMicrotask(() => this.scrollTo(this.wantedScroll));
    }
    const columns = Math.max(20, Math.floor((this.element.clientWidth - 16) / charWidth(this.element)) || 80);
    if (columns === this.columns && this.rows.starts.length > 1) return this.rerender();
    this.columns = columns;
    this.rows = wrapRows(this.text, columns);
    this.spacer.style.height = `${this.rows.starts.length * ROW_HEIGHT}px`;
    this.rerender();
  }

  private rerender(): void {
    this.rendered = { first: -1, last: -1 };
    this.render();
  }

  private render(): void {
    const height = this.element.clientHeight || ROW_HEIGHT * 40;
    const first = Math.max(0, Math.floor(this.element.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.rows.starts.length, Math.ceil((this.element.scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
    if (first === this.rendered.first && last === this.rendered.last) return;
    this.rendered = { first, last };
    const rows: HTMLElement[] = [];
    for (let r = first; r < last; r++) rows.push(this.renderRow(this.rows.starts[r], this.rows.ends[r]));
    this.rowsElement.style.transform = `translateY(${first * ROW_HEIGHT}px)`;
    this.rowsElement.replaceChildren(...rows);
  }

  private renderRow(rowStart: number, rowEnd: number): HTMLElement {
    const row = h('div', { className: 'doc-row' });
    let at = rowStart;
    for (let t = firstEndingAfter(this.ends, rowStart); t < this.starts.length && this.starts[t] < rowEnd; t++) {
      const start = Math.max(rowStart, this.starts[t]);
      const end = Math.min(rowEnd, this.ends[t]);
      if (end <= start) continue;
      if (start > at) row.appendChild(document.createTextNode(this.text.slice(at, start)));
      row.appendChild(this.renderToken(t, this.text.slice(start, end)));
      at = end;
    }
    if (rowEnd > at) row.appendChild(document.createTextNode(this.text.slice(at, rowEnd)));
    if (!row.firstChild) row.appendChild(document.createTextNode(' '));
    return row;
  }

  private renderToken(t: number, text: string): HTMLElement {
    const span = h('span', { className: 'tok', dataset: { token: String(t) } }, text);
    const value = this.values[t] ?? 0;
    if (value > 0) {
      span.dataset.intensity = value.toFixed(3);
      span.style.setProperty('--a', value.toFixed(3));
      const color = this.colors[t] ?? -1;
      if (this.mode === 'strongest' && color >= 0) {
        span.dataset.color = String(color);
        span.classList.add(`palette-${color % PALETTE_SIZE}`);
      }
    }
    if (t === this.cursor) span.classList.add('cursor');
    if (t === this.selected) span.classList.add('selected');
    if (t === this.pinned) span.classList.add('pinned');
    return span;
  }

  private onKey(event: KeyboardEvent): void {
    const n = this.starts.length;
    if (!n) return;
    const step = (from: number, direction: number) => {
      let t = from;
      do t += direction;
      while (t >= 0 && t < n && this.ends[t] <= this.starts[t]);
      return t >= 0 && t < n ? t : from;
    };
    let next = this.cursor;
    if (event.key === 'ArrowRight') next = step(this.cursor < 0 ? -1 : this.cursor, 1);
    else if (event.key === 'ArrowLeft') next = step(this.cursor < 0 ? n : this.cursor, -1);
    else if (event.key === 'Home') next = step(-1, 1);
    else if (event.key === 'End') next = step(n, -1);
    else if (event.key === 'Enter' && this.cursor >= 0) this.handlers.select(this.cursor);
    else if ((event.key === 'p' || event.key === 'P') && this.cursor >= 0) this.handlers.pin(this.cursor);
    else return;
    event.preventDefault();
    if (next !== this.cursor) {
      this.cursor = next;
      this.revealToken(next);
      this.handlers.hover(next, this.rowsElement.querySelector<HTMLElement>(`.tok[data-token="${next}"]`) ?? undefined);
    }
  }
}

export const PALETTE_SIZE = 10;

function tokenSpan(target: EventTarget | null): HTMLElement | undefined {
  return target instanceof HTMLElement && target.classList.contains('tok') ? target : undefined;
}

let measured: number | undefined;

function charWidth(container: HTMLElement): number {
  if (measured) return measured;
  const probe = h('span', { className: 'doc-probe' }, 'MMMMMMMMMM');
  container.appendChild(probe);
  const width = probe.getBoundingClientRect().width / 10;
  probe.remove();
  if (width > 0) measured = width;
  return width || 8;
}
