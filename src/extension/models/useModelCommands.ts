import { join } from 'node:path';
import * as vscode from 'vscode';
import { readHfModelFolder } from '../../core/model/hf/hfModelFolder';
import { isDownloaded } from '../../core/model/hf/hub/hubDownload';
import { hubModelIdProblem } from '../../core/model/hf/hub/hubModelId';
import { SettingsService } from '../settings/settingsService';
import { MODEL_COMMANDS } from './modelCommandIds';
import { activeModel, setActiveModel, type ModelCommandContext } from './modelContext';
import { ModelJobError } from './modelJobClient';
import type { PreparedModel } from './modelJobProtocol';
import { ProgressIncrements } from './trainingProgressText';

const TITLE = 'Transformer Factors';

/** "Use Model from Hugging Face Hub…": only downloads when network access is allowed. */
export async function useHubModel(ctx: ModelCommandContext): Promise<void> {
  const current = activeModel();
  const id = (await vscode.window.showInputBox({
    title: `${TITLE}: Use Model from Hugging Face Hub`,
    prompt: 'The model’s id on the Hub. It needs a Transformers.js ONNX export (config.json, tokenizer.json, onnx/model.onnx), as the Xenova/ and onnx-community/ models have.',
    placeHolder: 'Xenova/bert-base-uncased',
    value: current.kind === 'hub' ? current.id : '',
    ignoreFocusOut: true,
    validateInput: (text) => hubModelIdProblem(text),
  }))?.trim();
  if (!id) return;
  const allowNetwork = ctx.services.settings.current.allowNetwork;
  if (!allowNetwork && !isDownloaded(join(ctx.cacheDir, 'hub'), id)) {
    await refuseDownload(id);
    return;
  }
  const prepared = await prepareWithProgress(ctx, id, `Getting ${id}`, allowNetwork);
  if (prepared) await adopt(ctx, prepared, id);
}

/** "Use Local Model Folder…": a Hugging Face–style folder (config.json, tokenizer.json, onnx/model.onnx). */
export async function useLocalModel(ctx: ModelCommandContext): Promise<void> {
  const [folder] = (await vscode.window.showOpenDialog({
    title: `${TITLE}: Use Local Model Folder`, canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Use This Model',
  })) ?? [];
  if (!folder) return;
  try {
    readHfModelFolder(folder.fsPath);
  } catch (error) {
    void vscode.window.showErrorMessage(`${TITLE}: ${(error as Error).message}`);
    return;
  }
  const prepared = await prepareWithProgress(ctx, folder.fsPath, `Preparing ${folder.fsPath}`, false);
  if (prepared) await adopt(ctx, prepared, folder.fsPath);
}

export async function useBundledModel(): Promise<void> {
  await setActiveModel('');
  void vscode.window.showInformationMessage(`${TITLE}: using the bundled model again.`);
}

async function refuseDownload(id: string): Promise<void> {
  const choice = await vscode.window.showWarningMessage(
    `${TITLE}: ${id} is not downloaded yet, and downloading it needs network access, which is off. Nothing was downloaded. ` +
      'Turn on "Transformer Factors: Allow Network" to download it once; afterwards it is used offline.',
    'Open Settings',
  );
  if (choice === 'Open Settings') await SettingsService.open('allowNetwork');
}

async function prepareWithProgress(ctx: ModelCommandContext, spec: string, title: string, allowNetwork: boolean): Promise<PreparedModel | undefined> {
  try {
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${TITLE}: ${title}`, cancellable: true }, (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      const increments = new ProgressIncrements();
      return ctx.jobs.prepare({ spec, allowNetwork, cacheDir: ctx.cacheDir }, {
        signal: controller.signal,
        onDownload: (p) => progress.report({
          increment: increments.next(p.fraction, 0, 0.9),
          message: `${p.file}: ${(p.loaded / 1e6).toFixed(1)} of ${(p.total / 1e6).toFixed(1)} MB (${p.filesDone}/${p.files} files)`,
        }),
        onStage: (_stage, detail) => progress.report({ increment: increments.next(1, 0, 0.9), message: detail }),
      });
    });
  } catch (error) {
    const code = error instanceof ModelJobError ? error.code : undefined;
    if (code === 'cancelled') {
      void vscode.window.showInformationMessage(`${TITLE}: cancelled. What was downloaded is kept; the next try continues from there.`);
    } else if (code === 'network-not-allowed') {
      await refuseDownload(spec);
    } else {
      void vscode.window.showErrorMessage(`${TITLE}: ${(error as Error).message}`);
    }
    return undefined;
  }
}

async function adopt(ctx: ModelCommandContext, model: PreparedModel, setting: string): Promise<void> {
  await setActiveModel(setting);
  // A dictionary for this model may have been waiting for it (e.g. imported before the download).
  ctx.modelsChanged?.();
  const choice = await vscode.window.showInformationMessage(
    `${TITLE}: the active model is now ${model.id} (${model.layers.length} layers: ${model.layers[0]} … ${model.layers[model.layers.length - 1]}, ${model.hiddenSize} wide). ` +
      'Train a dictionary for it, or import one (.npy, e.g. the paper’s).',
    'Train Dictionary…', 'Import Dictionary…',
  );
  if (choice === 'Train Dictionary…') await vscode.commands.executeCommand(MODEL_COMMANDS.trainDictionary);
  if (choice === 'Import Dictionary…') await vscode.commands.executeCommand('transformerFactors.importDictionary');
}
