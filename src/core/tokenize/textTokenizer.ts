import type { Token } from './token';

/** A model's tokenizer as the engine uses it: the tokens of a text with their exact places in it. */
export interface TextTokenizer {
  tokenize(text: string): Token[];
}
