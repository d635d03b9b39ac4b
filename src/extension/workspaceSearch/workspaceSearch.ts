import * as vscode from 'vscode';
import { keepStrongest } from '../../core/search/scanFactor';
import type { FactorWorkerClient } from '../panel/factorWorkerClient';
import type { WorkerSources } from '../panel/factorWorkerProtocol';
import { hitPreview } from './hitPreview';

export const SEARCH_SETTINGS = { maxFiles: 'workspaceSearch.maxFiles', include: 'workspaceSearch.include' } as const;
const DEFAULT_MAX_FILES = 200;
const DEFAULT_INCLUDE = '**/*.{txt,md,markdown,rst,tex,adoc,org}';
/** Hits kept over the whole workspace, and per file. */
const MAX_HITS = 100;
const HITS_PER_FILE = 20;

export interface WorkspaceHit {
  uri: vscode.Uri;
  file: string;
  start: number;
  end: number;
  line: number;
  before: string;
  token: string;
  after: string;
  coefficient: number;
}

export interface SearchRequest {
  factor: number;
  layer: number;
  sources: WorkerSources;
  /** Files longer than this are skipped, as the editor skips them. */
  maxCharacters: number;
  signal: AbortSignal;
  onProgress(files: number, total: number): void;
  onHits(hits: readonly WorkspaceHit[]): void;
}

/** The search's bounds from the settings: how many files at most, and which (files.exclude always applies). */
export function searchSettings(): { maxFiles: number; include: string } {
  const config = vscode.workspace.getConfiguration('transformerFactors');
  const maxFiles = config.get<unknown>(SEARCH_SETTINGS.maxFiles);
  const include = config.get<unknown>(SEARCH_SETTINGS.include);
  return {
    maxFiles: typeof maxFiles === 'number' && Number.isFinite(maxFiles) ? Math.min(10_000, Math.max(1, Math.round(maxFiles))) : DEFAULT_MAX_FILES,
    include: typeof include === 'string' && include.trim() ? include.trim() : DEFAULT_INCLUDE,
  };
}

/**
 * Finds where a factor fires most in the workspace's text files: lists files (files.exclude
 * applies, at most maxFiles), scans them one at a time in the panel's worker (open documents as
 * they are in the editor), and reports the strongest hits so far after each file.
 */
export async function searchWorkspace(worker: FactorWorkerClient, request: SearchRequest): Promise<WorkspaceHit[]> {
  const { maxFiles, include } = searchSettings();
  const cancel = new vscode.CancellationTokenSource();
  const onAbort = () => cancel.cancel();
  request.signal.addEventListener('abort', onAbort, { once: true });
  try {
    // `undefined` as the exclude applies the files.exclude setting.
    const files = (await vscode.workspace.findFiles(include, undefined, maxFiles, cancel.token)).sort((a, b) => a.path.localeCompare(b.path));
    const hits: WorkspaceHit[] = [];
    request.onProgress(0, files.length);
    for (let i = 0; i < files.length; i++) {
      request.signal.throwIfAborted();
      const uri = files[i];
      const text = await readText(uri, request.maxCharacters);
      if (text) {
        const found = await worker.scan(request.sources, text, request.factor, request.layer, HITS_PER_FILE, request.signal);
        const file = vscode.workspace.asRelativePath(uri);
        for (const hit of found.hits) keepStrongest(hits, { uri, file, ...hit, ...hitPreview(text, hit.start, hit.end) }, MAX_HITS);
        request.onHits(hits);
      }
      request.onProgress(i + 1, files.length);
    }
    return hits;
  } finally {
    request.signal.removeEventListener('abort', onAbort);
    cancel.dispose();
  }
}

/** The file's text (the editor's, when open), or undefined for binary files and files over the limit. */
async function readText(uri: vscode.Uri, maxCharacters: number): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText().length <= maxCharacters ? open.getText() : undefined;
  const bytes = await vscode.workspace.fs.readFile(uri).then((b) => b, () => undefined);
  if (!bytes || bytes.length > maxCharacters * 4 || bytes.subarray(0, 8192).includes(0)) return undefined;
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.length <= maxCharacters && text.trim() ? text : undefined;
}

/** Opens the hit's file with its token selected. */
export async function revealHit(hit: WorkspaceHit): Promise<void> {
  const document = await vscode.workspace.openTextDocument(hit.uri);
  const selection = new vscode.Range(document.positionAt(hit.start), document.positionAt(hit.end));
  await vscode.window.showTextDocument(document, { selection, viewColumn: vscode.ViewColumn.One, preview: true });
}
