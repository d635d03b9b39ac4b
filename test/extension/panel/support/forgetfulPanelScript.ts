// Scans a text on the panel's worker thread and ends without disposing of the client: the
// process must still exit once the reply is in, since an idle worker is unreferenced.
import { join } from 'node:path';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir, bundledModelDir } from '../../../../src/core/model/bundledModel';
import { FactorWorkerClient } from '../../../../src/extension/panel/factorWorkerClient';

void (async () => {
  const client = new FactorWorkerClient(join(__dirname, '..', 'factorWorkerFromSource.mjs'));
  const sources = { modelDir: bundledModelDir(), dictionaryPath: join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE) };
  const { tokens } = await client.scan(sources, 'The bank raised its interest rates.', 1, 4, 3);
  console.log(`scanned ${tokens} tokens`);
})();
