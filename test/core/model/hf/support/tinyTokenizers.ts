// tokenizer.json files in the Hugging Face format, small enough to build in a test: a lower-casing
// WordPiece (as bert-base-uncased's) and a byte-level BPE (as GPT-2's).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ByteLevelPreTokenizer } = require('@huggingface/tokenizers') as { ByteLevelPreTokenizer: new (config: object) => { byte_encoder: Record<number, string> } };

const added = (id: number, content: string, normalized: boolean) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized, special: true });

const WORDPIECE_SPECIALS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
const WORDPIECE_WORDS = [
  'the', 'river', 'bank', 'was', 'steep', 'raised', 'its', 'rates', 'cafe', 'creme', 'naive', 'ok', 'then', 'coffee', 'un', 'believ',
  '##able', '##s', '##ing', '##ed', '##ly', 'play', 'read', 'quick', 'a', 'an', 'of', 'in', 'to', 'and',
];

/** A WordPiece tokenizer.json like bert-base-uncased's (BertNormalizer lower-casing, [CLS] … [SEP]). */
export function wordPieceTokenizerJson(): { json: object; vocab: Map<string, number> } {
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const pieces = [...new Set([
    ...WORDPIECE_SPECIALS, ...'.,!?\'-";:()'.split(''), ...letters.split(''), ...letters.split('').map((c) => `##${c}`), ...WORDPIECE_WORDS,
  ])];
  const vocab = new Map(pieces.map((piece, id) => [piece, id]));
  const id = (token: string) => vocab.get(token)!;
  const json = {
    version: '1.0', truncation: null, padding: null,
    added_tokens: WORDPIECE_SPECIALS.map((token) => added(id(token), token, false)),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } }],
      special_tokens: Object.fromEntries(['[CLS]', '[SEP]'].map((t) => [t, { id: t, ids: [id(t)], tokens: [t] }])),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(vocab) },
  };
  return { json, vocab };
}

export const WORDPIECE_TOKENIZER_CONFIG = {
  do_lower_case: true, model_max_length: 64, tokenizer_class: 'BertTokenizer',
  cls_token: '[CLS]', sep_token: '[SEP]', pad_token: '[PAD]', unk_token: '[UNK]', mask_token: '[MASK]',
};

/** GPT-2's table from bytes to the printable characters byte-level BPE writes them with. */
export function byteEncoder(): Record<number, string> {
  return new ByteLevelPreTokenizer({ type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true }).byte_encoder;
}

const BPE_MERGES = [
  'Ġ t', 'h e', 'Ġt he', 'Ġ b', 'a n', 'an k', 'Ġb ank', 'Ġ r', 'i v', 'e r', 'Ġr iv', 'Ġriv er', 'Ġ w', 'a s', 'Ġw as',
  'Ġ s', 't e', 'e p', 'Ġs te', 'Ġste ep', 'a t', 'e s', 'Ġr at', 'Ġrat es', 'T h', 'Th e', 'i n', 'Ġ i', 'Ġi n', 'o n', 'Ġ o',
];

/** A byte-level BPE tokenizer.json like GPT-2's: 256 byte tokens, a few merges, <|endoftext|>. */
export function byteLevelBpeTokenizerJson(): { json: object; vocab: Map<string, number> } {
  const encoder = byteEncoder();
  const pieces = Array.from({ length: 256 }, (_, byte) => encoder[byte]);
  for (const merge of BPE_MERGES) pieces.push(merge.replace(' ', ''));
  const vocab = new Map(pieces.map((piece, id) => [piece, id]));
  const endOfText = pieces.length;
  vocab.set('<|endoftext|>', endOfText);
  const byteLevel = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true };
  const json = {
    version: '1.0', truncation: null, padding: null,
    added_tokens: [added(endOfText, '<|endoftext|>', true)],
    normalizer: null,
    pre_tokenizer: byteLevel,
    post_processor: { ...byteLevel, add_prefix_space: true, trim_offsets: false },
    decoder: { ...byteLevel, add_prefix_space: true },
    model: {
      type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: '', end_of_word_suffix: '', fuse_unk: false, byte_fallback: false,
      vocab: Object.fromEntries(vocab), merges: BPE_MERGES,
    },
  };
  return { json, vocab };
}

export const BPE_TOKENIZER_CONFIG = {
  model_max_length: 128, tokenizer_class: 'GPT2Tokenizer', bos_token: '<|endoftext|>', eos_token: '<|endoftext|>', unk_token: '<|endoftext|>',
};
