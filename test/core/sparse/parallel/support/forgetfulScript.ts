// Opens an engine whose coding runs on worker threads, decomposes a text (every coder thread
// gets rows), starts a pool it never uses, and ends without disposing of anything: the process
// must still exit, since idle coder threads are unreferenced.
import { join } from 'node:path';
import { FactorEngine } from '../../../../../src/core/engine/factorEngine';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir, bundledModelDir } from '../../../../../src/core/model/bundledModel';
import { gramMatrix } from '../../../../../src/core/sparse/gram';
import { CoderPool } from '../../../../../src/core/sparse/parallel/coderPool';
import { randomDictionary } from '../../tinyProblems';

void (async () => {
  const engine = await FactorEngine.open({ modelDir: bundledModelDir(), dictionaryPath: join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE), coderThreads: 2 });
  const result = await engine.decompose('The committee said the bank would raise its rates.\nShe sat on the bank of the river, watching the water.');
  const unused = randomDictionary(16, 8, 1);
  new CoderPool(unused, { gram: gramMatrix(unused), threads: 2 });
  console.log(`decomposed ${result.tokens.length} tokens on ${engine.coderThreads} coder threads`);
})();
