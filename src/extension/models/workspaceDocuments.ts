import * as vscode from 'vscode';
import type { CorpusDocument } from '../../core/corpus/textCorpus';
import { decodeText } from '../../core/corpus/textFolder';

const TEXT_FILES = '**/*.{txt,md,markdown,rst,tex}';
const SKIPPED = '**/{node_modules,.git,out,dist,build}/**';

/** The workspace's text files (bounded in number and size), read through the editor's file system. */
export async function workspaceDocuments(token: vscode.CancellationToken, limits = { files: 2000, bytes: 20_000_000 }): Promise<CorpusDocument[]> {
  const uris = await vscode.workspace.findFiles(TEXT_FILES, SKIPPED, limits.files, token);
  uris.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
  const documents: CorpusDocument[] = [];
  let bytes = 0;
  for (const uri of uris) {
    if (token.isCancellationRequested) break;
    const data = await vscode.workspace.fs.readFile(uri);
    if (bytes + data.byteLength > limits.bytes) break;
    const text = decodeText(data);
    if (text === undefined) continue;
    documents.push({ id: vscode.workspace.asRelativePath(uri), text });
    bytes += data.byteLength;
  }
  return documents;
}
