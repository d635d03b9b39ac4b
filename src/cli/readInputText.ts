import { readFileSync, statSync } from 'node:fs';
import { UsageError } from './usageError';

/** The text a command works on, from --text or --file, refusing what is not text. */
export function readInputText(values: { text?: string; file?: string }): string {
  if (values.text !== undefined && values.file !== undefined) throw new UsageError('give either --text or --file, not both');
  if (values.text !== undefined) return nonEmpty(values.text, '--text');
  if (values.file === undefined) throw new UsageError('give the input as --text "…" or --file PATH');
  let bytes: Buffer;
  try {
    if (statSync(values.file).isDirectory()) throw new UsageError(`${values.file} is a folder, not a file`);
    bytes = readFileSync(values.file);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${values.file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  if (bytes.includes(0)) throw new UsageError(`${values.file} looks binary (it contains NUL bytes); give a text file`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${values.file} is not valid UTF-8 text`);
  }
  return nonEmpty(text.replace(/^\uFEFF/, ''), values.file);
}

function nonEmpty(text: string, source: string): string {
  if (!text.trim()) throw new UsageError(`${source} is empty: there is nothing to encode`);
  return text;
}
