import * as vscode from 'vscode';
import { bundledModelDir } from '../core/model/bundledModel';
import { loadModel, type LoadedModel } from '../core/model/loadedModel';

let model: Promise<LoadedModel> | undefined;

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('transformerFactors.encodeDocument', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage('Transformer Factors: open a text document first.');
        return;
      }
      model ??= loadModel(bundledModelDir());
      const { tokenizer, info } = await model;
      const tokens = tokenizer.tokenize(editor.document.getText());
      void vscode.window.showInformationMessage(`Transformer Factors: ${tokens.length} tokens for ${info.name} (${info.layers.length} layers).`);
    }),
  );
}

export async function deactivate(): Promise<void> {
  if (model) await (await model).encoder.dispose();
}
