import { brownSentences, BROWN_HELD_OUT_FILES } from '../../../src/core/corpus/brownCorpus';
import type { TextTokenizer } from '../../../src/core/tokenize/textTokenizer';

/** Held-out Brown sentences, one per line, repeated if need be, up to `target` tokens. */
export function heldOutText(tokenizer: TextTokenizer, target: number): string {
  const lines: string[] = [];
  let count = 0;
  for (;;) {
    for (const sentence of brownSentences(BROWN_HELD_OUT_FILES)) {
      const n = tokenizer.tokenize(sentence.text).length;
      if (count + n > target) return lines.join('\n');
      lines.push(sentence.text);
      count += n;
    }
  }
}
