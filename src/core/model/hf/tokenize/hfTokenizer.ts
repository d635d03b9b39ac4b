import { readFileSync } from 'node:fs';
import type { TextTokenizer } from '../../../tokenize/textTokenizer';
import type { Token } from '../../../tokenize/token';
import type { HfModelFolder } from '../hfModelFolder';
import type { SequenceFrame } from '../hfEncoder';
import { transformersLibrary } from '../transformersLibrary';
import { TextNormalizer } from './normalizedText';
import { alignTokens, type TokenSpelling } from './tokenAlignment';
import { tokenSpelling } from './tokenSpelling';

/** What is used of the tokenizer engine under a @huggingface/transformers tokenizer. */
interface TokenizerEngine {
  encode(text: string, options: { add_special_tokens: boolean }): { ids: number[]; tokens: string[] };
  normalizer: ((text: string) => string) | null;
  post_processor: ((tokens: string[], pair: null, addSpecialTokens: boolean) => { tokens: string[] }) | null;
  token_to_id(token: string): number | undefined;
}

const MARKER = '\u0000sequence\u0000';

/**
 * A Hugging Face model's tokenizer, loaded by @huggingface/transformers from the model folder
 * (never from the network), with the exact place of every token in the original text.
 */
export class HfTokenizer implements TextTokenizer {
  private readonly normalizer: TextNormalizer | undefined;

  private constructor(
    private readonly engine: TokenizerEngine,
    private readonly spelling: TokenSpelling,
    /** The special tokens around every sequence, and the padding id. */
    readonly frame: SequenceFrame,
    /** The tokenizer's own limit on sequence length (tokenizer_config.json's model_max_length). */
    readonly maxLength: number,
  ) {
    const normalize = engine.normalizer;
    this.normalizer = normalize ? new TextNormalizer((text) => normalize(text)) : undefined;
  }

  static async load(folder: HfModelFolder): Promise<HfTokenizer> {
    const { AutoTokenizer, PreTrainedTokenizer } = await transformersLibrary();
    const json = JSON.parse(readFileSync(folder.tokenizerPath, 'utf8')) as Record<string, unknown>;
    // AutoTokenizer picks the tokenizer class from tokenizer_config.json; a folder without one
    // still has everything the tokenizer engine needs in tokenizer.json.
    const tokenizer = folder.tokenizerConfigPath
      ? await AutoTokenizer.from_pretrained(folder.dir, { local_files_only: true })
      : new PreTrainedTokenizer(json, {});
    const engine = tokenizer._tokenizer as unknown as TokenizerEngine;
    const frame = sequenceFrame(engine, tokenizer.pad_token_id);
    const limit = Number(tokenizer.model_max_length);
    return new HfTokenizer(engine, tokenSpelling(json), frame, Number.isFinite(limit) && limit > 0 && limit < 1e7 ? limit : Infinity);
  }

  /** The ids of a text as the reference tokenizer gives them (no special tokens). */
  encodeIds(text: string): number[] {
    return this.engine.encode(text, { add_special_tokens: false }).ids;
  }

  tokenize(text: string): Token[] {
    const { ids, tokens } = this.engine.encode(text, { add_special_tokens: false });
    const normalized = this.normalizer?.run(text) ?? identity(text);
    const spans = alignTokens(normalized, tokens, this.spelling, text);
    return ids.map((id, i) => ({ id, text: text.slice(spans[i].start, spans[i].end), start: spans[i].start, end: spans[i].end }));
  }
}

/** The tokens the post-processor puts before and after a sequence, found by running it on a marker. */
function sequenceFrame(engine: TokenizerEngine, padId: number | null | undefined): SequenceFrame {
  const framed = engine.post_processor?.([MARKER], null, true).tokens ?? [MARKER];
  const at = framed.indexOf(MARKER);
  const ids = (tokens: string[]) => tokens.map((token) => {
    const id = engine.token_to_id(token);
    if (id === undefined) throw new Error(`the tokenizer's post-processor adds "${token}", which is not in its vocabulary`);
    return id;
  });
  return { prefix: ids(framed.slice(0, at)), suffix: ids(framed.slice(at + 1)), padId: typeof padId === 'number' ? padId : 0 };
}

function identity(text: string) {
  const sourceStart = Uint32Array.from({ length: text.length }, (_, i) => i);
  const sourceEnd = Uint32Array.from({ length: text.length }, (_, i) => i + 1);
  // A surrogate pair is one character: both halves map to the whole of it.
  for (let i = 0; i + 1 < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      sourceEnd[i] = i + 2;
      sourceStart[i + 1] = i;
    }
  }
  return { normalized: text, sourceStart, sourceEnd };
}
