import type { TokenSpelling } from './tokenAlignment';

interface ByteLevelPreTokenizerClass {
  new (config: object): { byte_encoder: Record<number, string> };
}
// The package is an ES module with a CommonJS build; its typings do not resolve from CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ByteLevelPreTokenizer } = require('@huggingface/tokenizers') as { ByteLevelPreTokenizer: ByteLevelPreTokenizerClass };

let byteDecoder: Map<string, number> | undefined;

/** GPT-2's byte ↔ printable character table, as the tokenizer library itself builds it. */
function byteLevelDecoder(): Map<string, number> {
  if (!byteDecoder) {
    const encoder = new ByteLevelPreTokenizer({ type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true }).byte_encoder;
    byteDecoder = new Map(Object.entries(encoder).map(([byte, char]) => [char, Number(byte)]));
  }
  return byteDecoder;
}

type Json = Record<string, unknown> | null | undefined;

/** Every component of a (possibly Sequence) pre-tokenizer, normaliser or decoder config. */
function components(config: Json, key: 'pretokenizers' | 'normalizers' | 'decoders'): Array<Record<string, unknown>> {
  if (!config) return [];
  const nested = config[key];
  return Array.isArray(nested) ? nested.flatMap((c) => components(c as Json, key)) : [config];
}

/** How a tokenizer.json spells its tokens relative to the text (see alignTokens). */
export function tokenSpelling(tokenizerJson: Record<string, unknown>): TokenSpelling {
  const model = (tokenizerJson.model ?? {}) as Record<string, unknown>;
  const parts = [
    ...components(tokenizerJson.pre_tokenizer as Json, 'pretokenizers'),
    ...components(tokenizerJson.normalizer as Json, 'normalizers'),
    ...components(tokenizerJson.decoder as Json, 'decoders'),
  ];
  const byteLevel = parts.some((p) => p.type === 'ByteLevel');
  const metaspace = parts.find((p) => p.type === 'Metaspace');
  const replacesSpace = parts.find((p) => p.type === 'Replace' && typeof p.content === 'string' && (p.pattern as Record<string, unknown> | undefined)?.String === ' ');
  const spaceMark = (metaspace?.replacement as string | undefined) ?? (replacesSpace?.content as string | undefined);
  const prefix = typeof model.continuing_subword_prefix === 'string' && model.continuing_subword_prefix
    ? model.continuing_subword_prefix
    : model.type === 'WordPiece' ? '##' : undefined;
  const suffix = typeof model.end_of_word_suffix === 'string' && model.end_of_word_suffix ? model.end_of_word_suffix : undefined;
  const unigramVocab = Array.isArray(model.vocab) ? (model.vocab as Array<[string, number]>) : [];
  const unknown = typeof model.unk_token === 'string' ? model.unk_token
    : typeof model.unk_id === 'number' ? unigramVocab[model.unk_id]?.[0] : undefined;
  return {
    ...(byteLevel ? { byteLevel: { decode: byteLevelDecoder() } } : {}),
    ...(prefix ? { continuingPrefix: prefix } : {}),
    ...(suffix ? { endOfWordSuffix: suffix } : {}),
    ...(spaceMark && !byteLevel ? { spaceMark } : {}),
    ...(unknown ? { unknown } : {}),
  };
}
