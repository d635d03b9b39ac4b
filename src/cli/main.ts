import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { FactorEngine } from '../core/engine/factorEngine';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir, bundledModelDir } from '../core/model/bundledModel';
import { loadModel } from '../core/model/loadedModel';
import type { Command } from './command';
import { encodeCommand } from './commands/encode';
import { trainCommand } from './commands/train';
import { evaluateCommand } from './commands/evaluate';
import { decomposeCommand } from './commands/decompose';
import { factorCommand } from './commands/factor';
import { exportCommand } from './commands/export';
import { UsageError } from './usageError';

const COMMANDS: Command[] = [encodeCommand, decomposeCommand, factorCommand, trainCommand, evaluateCommand, exportCommand];

function help(): string {
  return ['usage: transformer-factors <command> [options]', '', 'commands:',
    ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`)].join('\n');
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
    const { values } = parseArgs({ args: rest, options: command.options, strict: true, allowPositionals: false });
    const lines: string[] = [];
    await command.run({
      values,
      loadModel: () => loadModel(bundledModelDir(), { intraOpThreads: 2 }),
      loadEngine: () => FactorEngine.open({
        modelDir: bundledModelDir(),
        dictionaryPath: typeof values.dictionary === 'string' ? resolve(values.dictionary) : join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE),
        lambda: values.lambda === undefined ? undefined : Number(values.lambda),
        intraOpThreads: 2,
      }),
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
