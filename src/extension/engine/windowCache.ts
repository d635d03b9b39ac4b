import type { Window } from '../../core/encode/windowPlan';
import type { Token } from '../../core/tokenize/token';
import type { DecomposedSpan } from './engineProtocol';

type CachedCodes = Pick<DecomposedSpan, 'codes' | 'relativeResiduals'>;

/**
 * The codes of recently decomposed model windows, keyed by what the model saw (the window's
 * token ids and which of them are its own). After an edit most windows of a document are
 * unchanged, so only the edited part is decomposed again. Bounded by the tokens it holds.
 */
export class WindowCache {
  private readonly entries = new Map<string, { codes: CachedCodes; tokens: number }>();
  private tokens = 0;

  constructor(private readonly capacityTokens: number) {}

  static keyOf(window: Window, tokens: readonly Token[]): string {
    let key = `${window.ownStart - window.start}:${window.ownEnd - window.start}:`;
    for (let i = window.start; i < window.end; i++) key += tokens[i].id + ',';
    return key;
  }

  get(key: string): CachedCodes | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.codes;
  }

  set(key: string, codes: CachedCodes, tokens: number): void {
    const old = this.entries.get(key);
    if (old) this.tokens -= old.tokens;
    this.entries.delete(key);
    this.entries.set(key, { codes, tokens });
    this.tokens += tokens;
    for (const [oldest, entry] of this.entries) {
      if (this.tokens <= this.capacityTokens) break;
      this.entries.delete(oldest);
      this.tokens -= entry.tokens;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.tokens = 0;
  }
}
