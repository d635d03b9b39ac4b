import fc from 'fast-check';

/** Pieces of text that stress tokenisation and its offsets. */
const FRAGMENTS = [
  // ASCII words, numbers, punctuation
  'the', 'Hello', 'x', "don't", 'naïve', '123', '555', '3.14', ',', '.', '!', '?', '"', "'", '(', ')', ':', ':)', '-', '--', '/', '#', '$', '…',
  // white space of every kind
  ' ', '  ', '\n', '\r\n', '\t', '\u00A0', '\u2003', '\u3000', '\u2028', '\u0085', '\uFEFF',
  // emoji and other astral characters (𝒜 and 𝟘 change under NFKC)
  '😀', '👍🏽', '👨‍👩‍👧', '🇫🇷', '𝒜', '𝟘', '𐍈',
  // combining marks, alone and after bases
  'e\u0301', '\u0301', 'a\u0302\u0323', 'n\u0303',
  // right-to-left and CJK scripts, Hangul jamo that compose
  'مرحبا', 'سلام', 'שלום', 'עולם', '漢字', 'かな', 'ｶﾞ', '한국어', 'ㄱㅏ', '\u1100\u1161',
  // NFKC expansions: ligatures, full-width forms, fractions, spacing accents
  'ﬁ', 'ﬂ', 'ﬃ', 'Ǆ', 'Ｈｅｌｌｏ', '１２', '！', '½', '²', '´', '¨', '™', '㍿', 'Ⅻ',
  // the unknown piece, the word-boundary mark, control symbols of the vocabulary, invisibles
  '\uFFFD', '\u2581', '<s>', '</s>', 'extra_token_id_1', '\u200B', '\u200D', '\u0000',
  // lone surrogate halves (two in a row may pair up)
  '\uD800', '\uDC00',
];

/** Arbitrary text built from FRAGMENTS (and now and then any code point at all). */
export const richText = fc
  .array(fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) }), { maxLength: 24 })
  .map((parts) => parts.join(''));
