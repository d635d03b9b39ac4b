import * as vscode from 'vscode';
import { DictionaryError } from '../../core/dictionary/dictionaryError';
import { importInto, type DictionaryEntry } from '../../core/dictionary/dictionaryStore';
import type { PaperImportOptions } from '../../core/dictionary/paperNpy';
import { readNpy } from '../../core/io/npy';
import { bundledModelDir } from '../../core/model/bundledModel';
import { readModelInfo } from '../../core/model/modelInfo';
import type { DictionaryRegistry } from './dictionaryRegistry';
import {
  dictionaryNameProblem, importModel, modelChoices, modelIdProblem, parseLambda, phiShape, suggestedLambda, suggestedName, type BundledModel, type ModelChoice,
} from './importChoices';

export const IMPORT_DICTIONARY_COMMAND = 'transformerFactors.importDictionary';

/**
 * Imports a TransformerVis Φ (.npy) into the extension's storage: asks for the file, the model
 * it describes (the .npy does not say), λ and a name, then lists it. Returns the new entry.
 */
export async function importDictionary(registry: DictionaryRegistry): Promise<DictionaryEntry | undefined> {
  const [file] = (await vscode.window.showOpenDialog({
    title: 'Import a TransformerVis dictionary',
    openLabel: 'Import',
    canSelectMany: false,
    filters: { 'TransformerVis dictionary Φ': ['npy'] },
  })) ?? [];
  if (!file) return undefined;
  const path = file.fsPath;

  let shape: number[];
  try {
    shape = readNpy(path).shape;
  } catch (error) {
    void vscode.window.showErrorMessage(`Transformer Factors: cannot import ${path}: ${(error as Error).message}`);
    return undefined;
  }
  const phi = phiShape(shape, path);
  if ('error' in phi) {
    void vscode.window.showErrorMessage(`Transformer Factors: cannot import: ${phi.error}.`);
    return undefined;
  }

  const bundled = bundledModelInfo();
  const model = await askModel(phi, bundled);
  if (!model) return undefined;

  const lambdaText = await vscode.window.showInputBox({
    title: 'Import dictionary: λ (sparsity of the decomposition)',
    prompt: 'Larger λ → fewer active factors per token. Prefilled from the file name (_reg0.3_) or the paper’s default.',
    value: String(suggestedLambda(path)),
    validateInput: (text) => {
      const parsed = parseLambda(text);
      return 'error' in parsed ? parsed.error : undefined;
    },
  });
  if (lambdaText === undefined) return undefined;
  const lambda = (parseLambda(lambdaText) as { lambda: number }).lambda;

  const existing = registry.entries().map((e) => e.id).concat(registry.unusable().map((u) => u.id));
  const name = await vscode.window.showInputBox({
    title: 'Import dictionary: name',
    prompt: 'Shown in the dictionaries view and status bar',
    value: suggestedName(path),
    validateInput: (text) => dictionaryNameProblem(text, existing),
  });
  if (name === undefined) return undefined;

  let entry: DictionaryEntry;
  try {
    entry = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Transformer Factors: importing ${name.trim()}…` },
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 0)); // let the notification show before the synchronous import
        return importInto(registry.folders.user, path, { model, lambda, name: name.trim() });
      },
    );
  } catch (error) {
    if (!(error instanceof DictionaryError)) throw error;
    void vscode.window.showErrorMessage(`Transformer Factors: ${error.message}`, { modal: true });
    return undefined;
  }
  registry.refresh();
  const usable = entry.modelId === bundled?.id;
  const choice = await vscode.window.showInformationMessage(
    `Transformer Factors: imported ${entry.name} (${entry.atomCount} factors, λ ${entry.lambda})${usable ? '' : ` for model ${entry.modelId}; the editor runs ${bundled?.id ?? 'the bundled model'}, so it can be browsed but not used`}.`,
    ...(usable ? ['Use It'] : []),
  );
  if (choice === 'Use It') await vscode.commands.executeCommand('transformerFactors.setActiveDictionary', { dictionaryId: entry.id });
  return entry;
}

async function askModel(phi: { hidden: number; atoms: number }, bundled: BundledModel | undefined): Promise<PaperImportOptions['model'] | undefined> {
  type Item = vscode.QuickPickItem & { choice: ModelChoice };
  const items: Item[] = (bundled ? modelChoices(phi, bundled) : []).map((choice) => ({ label: choice.label, description: choice.description, detail: choice.detail, choice }));
  const kind = items.length
    ? (await vscode.window.showQuickPick(items, { title: `Import dictionary: which model do its ${phi.atoms} atoms describe?`, placeHolder: 'The .npy does not say' }))?.choice.kind
    : 'other';
  if (!kind) return undefined;
  if (kind === 'bundled') return importModel({ kind }, phi, bundled);
  const id = await vscode.window.showInputBox({
    title: 'Import dictionary: model id',
    prompt: `The model whose ${phi.hidden}-wide hidden states Φ describes, e.g. bert-base-uncased`,
    validateInput: (text) => modelIdProblem(text, phi, bundled),
  });
  return id === undefined ? undefined : importModel({ kind, id }, phi, bundled);
}

/** The bundled model's identity, or undefined when it is not built (then only other models are offered). */
function bundledModelInfo(): BundledModel | undefined {
  try {
    return readModelInfo(bundledModelDir());
  } catch {
    return undefined;
  }
}
