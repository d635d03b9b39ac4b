import { resolve } from 'node:path';
import { readDictionaryFile } from '../../core/dictionary/dictionaryFile';
import { exportPaperNpy } from '../../core/dictionary/paperNpy';
import type { Command, CommandContext } from '../command';
import { UsageError } from '../usageError';

export const exportCommand: Command = {
  name: 'export',
  summary: 'write a dictionary’s Φ in the paper’s format: float32 .npy of shape [hidden, K]',
  usage: 'export --dictionary D --npy OUT.npy',
  options: { dictionary: { type: 'string' }, npy: { type: 'string' } },
  async run({ values, print }: CommandContext): Promise<void> {
    if (typeof values.dictionary !== 'string' || typeof values.npy !== 'string') throw new UsageError('give both --dictionary D.tfdict and --npy OUT.npy');
    const { dictionary, metadata } = readDictionaryFile(resolve(values.dictionary));
    exportPaperNpy(dictionary, resolve(values.npy));
    print(`wrote ${values.npy}: Φ of ${metadata.name}, float32 [${dictionary.hiddenSize}, ${dictionary.atomCount}]`);
  },
};
