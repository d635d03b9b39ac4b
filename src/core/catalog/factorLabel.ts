import { baseTag, tagName } from './brownTags';

export interface LabelledExample {
  word: string;
  tag: string;
}

export interface FactorLabel {
  label: string;
  labelKind: 'word' | 'tag';
  purity: number;
  topWords: Array<{ word: string; count: number }>;
  topTags: Array<{ tag: string; count: number }>;
}

/**
 * Names a factor after its top activations: the majority word when at least half of them are
 * that word, otherwise the majority part of speech with its commonest words. Purity is the
 * share of the top activations that carry what the label names.
 */
export function labelFactor(examples: readonly LabelledExample[]): FactorLabel {
  const words = tally(examples.filter((e) => e.word).map((e) => e.word.toLowerCase()));
  const tags = tally(examples.filter((e) => e.tag).map((e) => baseTag(e.tag)));
  const total = Math.max(1, examples.length);
  const topWords = words.slice(0, 8).map(([word, count]) => ({ word, count }));
  const topTags = tags.slice(0, 5).map(([tag, count]) => ({ tag, count }));
  if (!examples.length) return { label: '(never active)', labelKind: 'word', purity: 0, topWords, topTags };
  const [word, wordCount] = words[0] ?? ['', 0];
  if (wordCount / total >= 0.5) return { label: `“${word}”`, labelKind: 'word', purity: wordCount / total, topWords, topTags };
  const [tag, tagCount] = tags[0] ?? ['?', 0];
  const sample = topWords.slice(0, 3).map((w) => w.word).join(', ');
  return { label: `${tagName(tag)}: ${sample}`, labelKind: 'tag', purity: tagCount / total, topWords, topTags };
}

function tally(items: string[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
