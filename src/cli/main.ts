import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { FactorEngine } from '../core/engine/factorEngine';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir } from '../core/model/bundledModel';
import { loadModel } from '../core/model/loadedModel';
import type { Command } from './command';
import { encodeCommand } from './commands/encode';
import { trainCommand } from './commands/train';
import { evaluateCommand } from './commands/evaluate';
import { decomposeCommand } from './commands/decompose';
import { factorCommand } from './commands/factor';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { cacheDirOf, MODEL_HELP, MODEL_OPTIONS, resolveCliModel } from './modelOptions';
import { UsageError } from './usageError';

const COMMANDS: Command[] = [encodeCommand, decomposeCommand, factorCommand, trainCommand, evaluateCommand, exportCommand, importCommand];

function help(): string {
  return ['usage: transformer-factors <command> [options]', '', 'commands:',
    ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`), '', MODEL_HELP].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help() + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`unknown command "${name}"; commands: ${COMMANDS.map((c) => c.name).join(', ')}`);
    const options: Command['options'] = { ...MODEL_OPTIONS, ...command.options };
    const { values } = parseArgs({ args: rest, options, strict: true, allowPositionals: false });
    const lines: string[] = [];
    const cacheDir = cacheDirOf(values);
    let resolved: ReturnType<typeof resolveCliModel> | undefined;
    const model = () => (resolved ??= resolveCliModel(values));
    await command.run({
      values,
      resolveModel: model,
      loadModel: async () => loadModel((await model()).dir, { intraOpThreads: 2, cacheDir }),
      loadEngine: async () => {
        const { kind, dir, source } = await model();
        if (kind !== 'bundled' && typeof values.dictionary !== 'string') {
          throw new UsageError(`give --dictionary D.tfdict made for ${source}: the bundled dictionary is for the bundled model (make one with \`import --npy\` or \`train\`, both with --model ${source})`);
        }
        return FactorEngine.open({
          modelDir: dir,
          dictionaryPath: typeof values.dictionary === 'string' ? resolve(values.dictionary) : join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE),
          lambda: values.lambda === undefined ? undefined : Number(values.lambda),
          intraOpThreads: 2,
          modelCacheDir: cacheDir,
        });
      },
      print: (line) => lines.push(line),
    });
    process.stdout.write(lines.map((l) => l + '\n').join(''));
    return 0;
  } catch (error) {
    const message = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
      ? (error as Error).message
      : `error: ${(error as Error).message}`;
    process.stderr.write(`transformer-factors ${name}: ${message}\n`);
    return error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
  }
}
