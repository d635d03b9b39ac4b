import type { BrownSentence } from '../corpus/brownCorpus';
import { encodeDocument } from '../encode/documentEncoder';
import type { LoadedModel } from '../model/loadedModel';
import type { FactorCatalog } from './catalog';
import { CatalogBuilder, DEFAULT_CATALOG_SETTINGS, type CatalogSettings } from './catalogBuilder';
import type { LayerCoder } from '../decompose/decomposeDocument';

export interface CatalogRunOptions {
  settings?: Partial<Omit<CatalogSettings, 'atomCount' | 'layers'>>;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Runs the model over corpus sentences, codes every token at every layer, and collects the
 * catalog. Each model token is labelled with the corpus word (and tag) covering its start.
 */
export async function buildCatalog(
  model: LoadedModel,
  sentences: readonly BrownSentence[],
  atomCount: number,
  code: LayerCoder,
  info: Pick<FactorCatalog, 'dictionary' | 'lambda'> & { corpusName: string },
  options: CatalogRunOptions = {},
): Promise<FactorCatalog> {
  const { layers, hiddenSize: d } = model.info;
  const builder = new CatalogBuilder({ ...DEFAULT_CATALOG_SETTINGS, ...options.settings, atomCount, layers });
  let tokenCount = 0;
  for (let s = 0; s < sentences.length; s++) {
    options.signal?.throwIfAborted();
    const sentence = sentences[s];
    const textIndex = builder.addText(sentence.text);
    const tokens = model.tokenizer.tokenize(sentence.text);
    tokenCount += tokens.length;
    const ids = tokens.map((token) => {
      // Label by the word as the text shows it (Brown writes quotes as `` and '').
      const word = wordAt(sentence, token.start);
      return builder.addToken(textIndex, token.start, token.end, word && sentence.text.slice(word.start, word.end), word?.tag);
    });
    for await (const chunk of encodeDocument(model.encoder, tokens, sentence.text, { signal: options.signal })) {
      const chunkIds = ids.slice(chunk.tokenStart, chunk.tokenEnd);
      for (const [layer, states] of chunk.states.entries()) builder.addCodes(layer, chunkIds, await code(states, states.length / d));
    }
    if (s % 50 === 49 || s === sentences.length - 1) options.onProgress?.(s + 1, sentences.length);
  }
  return builder.build({
    dictionary: info.dictionary, lambda: info.lambda, model: model.info.id,
    corpus: { name: info.corpusName, texts: sentences.length, tokens: tokenCount },
  });
}

function wordAt(sentence: BrownSentence, offset: number): BrownSentence['words'][number] | undefined {
  let lo = 0;
  let hi = sentence.words.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const word = sentence.words[mid];
    if (offset < word.start) hi = mid - 1;
    else if (offset >= word.end) lo = mid + 1;
    else return word;
  }
  return undefined;
}
