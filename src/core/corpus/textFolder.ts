import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { CorpusDocument } from './textCorpus';

export interface TextFolderOptions {
  /** File extensions read (with the dot); default: plain text and Markdown. */
  extensions?: readonly string[];
  /** Stop after this many bytes of text in all (default 50 MB). */
  maxBytes?: number;
  /** Files larger than this are skipped (default 5 MB). */
  maxFileBytes?: number;
}

export const DEFAULT_TEXT_EXTENSIONS = ['.txt', '.md', '.markdown', '.rst', '.tex', '.text'];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', 'build', '.vscode-test']);

/**
 * The text files under a folder (recursively, in path order), skipping hidden and build
 * folders, binary files and invalid UTF-8, up to a total size.
 */
export function readTextFolder(dir: string, options: TextFolderOptions = {}): CorpusDocument[] {
  const extensions = new Set((options.extensions ?? DEFAULT_TEXT_EXTENSIONS).map((e) => e.toLowerCase()));
  const maxBytes = options.maxBytes ?? 50_000_000;
  const maxFileBytes = options.maxFileBytes ?? 5_000_000;
  const documents: CorpusDocument[] = [];
  let total = 0;
  const visit = (folder: string): boolean => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !visit(path)) return false;
      } else if (entry.isFile() && extensions.has(extname(entry.name).toLowerCase())) {
        const size = statSync(path).size;
        if (size === 0 || size > maxFileBytes) continue;
        if (total + size > maxBytes) return false;
        const text = readText(path, size);
        if (text === undefined) continue;
        documents.push({ id: relative(dir, path).replaceAll('\\', '/'), text });
        total += size;
      }
    }
    return true;
  };
  visit(dir);
  return documents;
}

/** A file's text, or undefined when it is not UTF-8 text. */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

function readText(path: string, size: number): string | undefined {
  const bytes = new Uint8Array(size);
  const fd = openSync(path, 'r');
  try {
    let done = 0;
    while (done < size) {
      const n = readSync(fd, bytes, done, size - done, done);
      if (n === 0) break;
      done += n;
    }
    return decodeText(bytes.subarray(0, done));
  } finally {
    closeSync(fd);
  }
}
