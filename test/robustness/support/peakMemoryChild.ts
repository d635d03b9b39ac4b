// Run as a child process by largeDocument.test.ts, so that its peak RSS is this process's alone:
// decomposes a text of the given size through the extension's engine worker and prints
// {tokens, tokensDone, windows, cached, maxRssBytes} as JSON.
import { join } from 'node:path';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir, bundledModelDir } from '../../../src/core/model/bundledModel';
import { EngineClient } from '../../../src/extension/engine/engineClient';
import { isAbort } from '../../../src/extension/engine/engineError';
import type { PartialDecomposition } from '../../../src/extension/engine/partialDecomposition';
import { repeatedProse } from './oddTexts';

async function main(characters: number, mode: string): Promise<void> {
  const client = new EngineClient({ workerPath: join(__dirname, '../../support/engineWorkerFromSource.mjs') });
  await client.open({ modelDir: bundledModelDir(), dictionaryPath: join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE) });
  const text = repeatedProse(characters);
  const controller = new AbortController();
  let partial: PartialDecomposition | undefined;
  const stats = { windows: 0, cached: 0 };
  try {
    const result = await client.decompose(text, {
      signal: controller.signal,
      onStart: (p) => {
        partial = p;
        // 'tokenize': stop once the whole text is tokenized and its decomposition allocated.
        if (mode === 'tokenize') controller.abort();
      },
      onFinish: (s) => Object.assign(stats, s),
    });
    if (result.tokens.length !== partial?.tokens.length) throw new Error('the result lacks tokens');
  } catch (error) {
    if (!(isAbort(error) && mode === 'tokenize')) throw error;
  }
  await client.dispose();
  console.log(JSON.stringify({ characters: text.length, tokens: partial?.tokens.length, tokensDone: partial?.tokensDone, ...stats, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
}

main(Number(process.argv[2]), process.argv[3]).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
