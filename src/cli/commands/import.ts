import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DictionaryError } from '../../core/dictionary/dictionaryError';
import { writeDictionaryFile } from '../../core/dictionary/dictionaryFile';
import { importPaperNpy } from '../../core/dictionary/paperNpy';
import { modelIdentity } from '../../core/model/hf/modelIdentity';
import type { Command, CommandContext } from '../command';
import { cacheDirOf } from '../modelOptions';
import { UsageError } from '../usageError';

export const importCommand: Command = {
  name: 'import',
  summary: 'turn a TransformerVis dictionary (.npy, Φ [hidden, K], e.g. the paper’s bert-base-uncased_reg0.23_d2000_epoch2.npy) into a .tfdict for --model',
  usage: 'import --npy PHI.npy [--model ID_OR_DIR] [--out D.tfdict] [--lambda L] [--name NAME] [--layers A,B,…]',
  options: { npy: { type: 'string' }, out: { type: 'string' }, lambda: { type: 'string' }, name: { type: 'string' }, layers: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values, resolveModel, print }: CommandContext): Promise<void> {
    if (typeof values.npy !== 'string') throw new UsageError('give the TransformerVis file: --npy PHI.npy');
    const npyPath = resolve(values.npy);
    const outPath = resolve(typeof values.out === 'string' ? values.out : npyPath.replace(/\.npy$/i, '') + '.tfdict');
    if (existsSync(outPath)) throw new UsageError(`${outPath} exists already: remove it or choose another --out`);
    const lambda = values.lambda === undefined ? undefined : Number(values.lambda);
    const model = await modelIdentity((await resolveModel()).dir, cacheDirOf(values));
    const layers = typeof values.layers === 'string' ? values.layers.split(',').map((l) => l.trim()).filter(Boolean) : undefined;
    const unknown = layers?.filter((l) => !model.layers.includes(l)) ?? [];
    if (unknown.length) throw new UsageError(`model ${model.id} has no layer ${unknown.join(', ')}; its layers: ${model.layers.join(', ')}`);
    let imported;
    try {
      imported = importPaperNpy(npyPath, { model, lambda, layers, name: typeof values.name === 'string' ? values.name : undefined });
    } catch (error) {
      if (error instanceof DictionaryError) throw new UsageError(error.message);
      throw error;
    }
    const { dictionary, metadata } = imported;
    writeDictionaryFile(outPath, dictionary, metadata);
    if (values.json) {
      print(JSON.stringify({ out: outPath, model: metadata.model, layers: metadata.layers, atomCount: dictionary.atomCount, lambda: metadata.lambda, importedFrom: metadata.importedFrom }));
      return;
    }
    print(`wrote ${outPath}: ${dictionary.atomCount} factors over model ${model.id}'s ${dictionary.hiddenSize}-wide hidden states, λ = ${metadata.lambda}, layers ${metadata.layers.join(', ')}`);
    if (metadata.importDetails?.renormalisedAtoms) print(`${metadata.importDetails.renormalisedAtoms} atoms were rescaled to unit norm`);
  },
};
