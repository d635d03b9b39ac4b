// Child process of the benchmark's peak-memory section: loads the engine on the bundled model
// and dictionary, decomposes a held-out document of argv[2] tokens, prints one JSON line.
import { join } from 'node:path';
import { FactorEngine } from '../../../src/core/engine/factorEngine';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir, bundledModelDir } from '../../../src/core/model/bundledModel';
import { heldOutText } from '../support/heldOutText';

const megabytes = (kilobytes: number) => kilobytes / 1024;

(async () => {
  const engine = await FactorEngine.open({ modelDir: bundledModelDir(), dictionaryPath: join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE) });
  const text = heldOutText(engine.model.tokenizer, Number(process.argv[2]));
  const loadedPeakMb = megabytes(process.resourceUsage().maxRSS);
  const start = performance.now();
  const decomposition = await engine.decompose(text);
  const seconds = (performance.now() - start) / 1000;
  const codesMb = decomposition.codes.reduce((n, c) => n + c.offsets.byteLength + c.indices.byteLength + c.values.byteLength, 0) / 2 ** 20;
  console.log(JSON.stringify({ tokens: decomposition.tokens.length, seconds, loadedPeakMb, peakMb: megabytes(process.resourceUsage().maxRSS), codesMb }));
  await engine.dispose();
})();
