/** Readable names for the Brown Corpus part-of-speech tags that label factors. */
const NAMES: Record<string, string> = {
  at: 'article', ap: 'determiner', abn: 'pre-quantifier', cc: 'coordinating conjunction', cs: 'subordinating conjunction',
  cd: 'number', od: 'ordinal', dt: 'determiner', dti: 'determiner', dts: 'determiner', ex: 'existential there',
  in: 'preposition', jj: 'adjective', jjr: 'comparative adjective', jjs: 'superlative adjective', jjt: 'superlative adjective',
  md: 'modal verb', nn: 'noun', nns: 'plural noun', 'nn$': 'possessive noun', np: 'proper noun', 'np$': 'possessive proper noun',
  nps: 'plural proper noun', nr: 'adverbial noun', pn: 'pronoun', pp$: 'possessive pronoun', ppo: 'object pronoun',
  pps: 'subject pronoun', ppss: 'subject pronoun', ppl: 'reflexive pronoun', ql: 'qualifier', rb: 'adverb', rbr: 'comparative adverb',
  rp: 'particle', to: 'infinitive to', uh: 'interjection', vb: 'verb', vbd: 'past-tense verb', vbg: 'gerund / present participle',
  vbn: 'past participle', vbz: 'verb, 3rd person', wdt: 'wh-determiner', wps: 'wh-pronoun', wrb: 'wh-adverb',
  be: 'be', bed: 'were', bedz: 'was', beg: 'being', bem: 'am', ben: 'been', ber: 'are', bez: 'is',
  do: 'do', dod: 'did', doz: 'does', hv: 'have', hvd: 'had', hvz: 'has', '.': 'sentence end', ',': 'comma',
  ':': 'colon', '(': 'open bracket', ')': 'close bracket', '--': 'dash', '``': 'open quote', "''": 'close quote', '*': 'negation',
};

/** The tag without Brown's title/headline/foreign markers: "nn-tl" → "nn", "fw-in" → "in". */
export function baseTag(tag: string): string {
  const stripped = tag.replace(/^fw-/, '').replace(/-(tl|hl|nc)$/g, '').replace(/-(tl|hl|nc)$/g, '');
  return stripped.split('+')[0];
}

export function tagName(tag: string): string {
  return NAMES[tag] ?? tag;
}
