import * as vscode from 'vscode';
import { BUNDLED_MODEL_ID } from '../../core/model/bundledModel';
import { SETTINGS_SECTION } from '../settings/settings';
import { SettingsService } from '../settings/settingsService';
import { activeModel, type ModelCommandContext } from './modelContext';
import { ModelJobError } from './modelJobClient';
import type { PreparedModel, TrainedDictionary, TrainingCorpus, TrainingPlan } from './modelJobProtocol';
import { modelLabel, modelSpec } from './modelSetting';
import { atomCountProblem, defaultAtomCount, defaultLambda, dictionaryName, lambdaProblem, trainingTarget, type CorpusKind } from './trainingChoices';
import { ProgressIncrements, trainingMessage } from './trainingProgressText';
import { workspaceDocuments } from './workspaceDocuments';

const TITLE = 'Transformer Factors';

interface Size {
  label: string;
  description: string;
  sentences: number;
  catalogSentences: number;
  evaluationSentences: number;
}

const SIZES: Size[] = [
  { label: 'Standard', description: 'up to 20,000 texts, as the command line trains by default', sentences: 20_000, catalogSentences: 8000, evaluationSentences: 1000 },
  { label: 'Quick', description: 'up to 2,000 texts: a first look in minutes', sentences: 2000, catalogSentences: 1000, evaluationSentences: 200 },
  { label: 'Everything', description: 'every text of the corpus: best quality, longest', sentences: 0, catalogSentences: 8000, evaluationSentences: 1000 },
];

/** "Train Dictionary…": learns a dictionary for the active model on a corpus, in the background, resumable. */
export async function trainDictionary(ctx: ModelCommandContext): Promise<void> {
  if (ctx.training) {
    void vscode.window.showInformationMessage(`${TITLE}: a dictionary is being trained already; wait for it or cancel it from its notification.`);
    return;
  }
  const choice = activeModel();
  const model = await prepared(ctx, modelSpec(choice), modelLabel(choice));
  if (!model) return;
  const corpusKind = await pickCorpus(model);
  if (!corpusKind) return;
  const size = await pick(SIZES.map((s) => ({ ...s, value: s })), 'How much text to learn from?');
  if (!size) return;
  const atoms = await ask('Number of factors (dictionary atoms, K)', String(defaultAtomCount(model.hiddenSize)), atomCountProblem);
  if (atoms === undefined) return;
  const lambda = await ask('Sparsity penalty λ (larger: fewer factors per token)', String(defaultLambda(model.id)), lambdaProblem);
  if (lambda === undefined) return;
  const target = trainingTarget(ctx.dictionaryFolder, dictionaryName(model.id, corpusKind, Number(atoms)));
  let resume = false;
  if (target.resumable) {
    const answer = await pick([
      { label: 'Resume', description: 'continue the interrupted training of this dictionary', value: true },
      { label: 'Start Over', description: 'discard its checkpoint and train from the beginning', value: false },
    ], `${target.name} was being trained before and stopped`);
    if (answer === undefined) return;
    resume = answer;
  }
  const run = runTraining(ctx, model, corpusKind, { outPath: target.outPath, name: target.name, atomCount: Number(atoms), lambda: Number(lambda), resume, size });
  ctx.training = run;
  try {
    await run;
  } finally {
    ctx.training = undefined;
  }
}

async function runTraining(ctx: ModelCommandContext, model: PreparedModel, corpusKind: CorpusKind, choices: { outPath: string; name: string; atomCount: number; lambda: number; resume: boolean; size: Size }): Promise<void> {
  let result: TrainedDictionary | undefined;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${TITLE}: training ${choices.name}`, cancellable: true }, async (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      const corpus = await corpusFor(corpusKind, token, progress);
      if (!corpus) throw new ModelJobError('cancelled', 'cancelled');
      const plan: TrainingPlan = {
        modelSpec: model.kind === 'bundled' ? '' : model.kind === 'hub' ? model.id : model.dir, cacheDir: ctx.cacheDir, corpus, outPath: choices.outPath, name: choices.name,
        atomCount: choices.atomCount, lambda: choices.lambda, seed: 1, epochs: 1, resume: choices.resume,
        sentences: choices.size.sentences, catalogSentences: choices.size.catalogSentences, evaluationSentences: choices.size.evaluationSentences,
      };
      const increments = new ProgressIncrements();
      return ctx.jobs.train(plan, {
        signal: controller.signal,
        onStage: (stage, detail) => progress.report({ increment: increments.next(stage === 'training' ? 0 : stage === 'evaluating' ? 1 : 0, 0, stage === 'catalog' ? 0.95 : 0.85), message: `${stage}: ${detail}` }),
        onTraining: (p) => progress.report({ increment: increments.next(p.textsDone / Math.max(1, p.textsTotal), 0, 0.85), message: trainingMessage(p) }),
        onCatalog: (done, total) => progress.report({ increment: increments.next(done / Math.max(1, total), 0.9, 1), message: `catalog: ${done} of ${total} texts` }),
      });
    });
  } catch (error) {
    const code = error instanceof ModelJobError ? error.code : undefined;
    if (code === 'cancelled') {
      void vscode.window.showInformationMessage(`${TITLE}: training of ${choices.name} stopped. Its checkpoint is kept: run Train Dictionary… again with the same model, corpus and number of factors to resume.`);
    } else {
      void vscode.window.showErrorMessage(`${TITLE}: training ${choices.name} failed: ${(error as Error).message}`);
    }
    return;
  }
  ctx.services.registry.refresh();
  const entry = ctx.services.registry.entries().find((e) => e.path === result.outPath);
  const explained = result.quality.map((q) => `${q.layer} ${(q.varianceExplained * 100).toFixed(0)}%`).join(', ');
  const answer = await vscode.window.showInformationMessage(
    `${TITLE}: dictionary ${choices.name} is ready, with its catalog (variance explained on held-out text: ${explained}).`,
    ...(entry ? ['Use It'] : []),
  );
  if (answer === 'Use It' && entry) await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('dictionary', entry.id, vscode.ConfigurationTarget.Global);
}

/** The active model, made ready (never downloaded here: "Use Model from Hugging Face Hub…" does that). */
async function prepared(ctx: ModelCommandContext, spec: string, label: string): Promise<PreparedModel | undefined> {
  try {
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${TITLE}: preparing ${label}` }, () =>
      ctx.jobs.prepare({ spec, allowNetwork: false, cacheDir: ctx.cacheDir }));
  } catch (error) {
    const network = error instanceof ModelJobError && error.code === 'network-not-allowed';
    const answer = await vscode.window.showErrorMessage(
      network ? `${TITLE}: the active model ${label} is not downloaded. Download it with "Use Model from Hugging Face Hub…" (network access must be allowed).`
        : `${TITLE}: the active model ${label} cannot be used: ${(error as Error).message}`,
      ...(network ? ['Open Settings'] : []),
    );
    if (answer === 'Open Settings') await SettingsService.open('allowNetwork');
    return undefined;
  }
}

async function pickCorpus(model: PreparedModel): Promise<CorpusKind | undefined> {
  const hasWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  return pick<CorpusKind>([
    { label: 'Brown Corpus', description: 'the paper’s corpus: 500 English texts of 15 genres (ships with the extension)', value: 'brown' },
    ...(hasWorkspace ? [{ label: 'Workspace Files', description: 'the .txt, .md, .rst and .tex files of this workspace', value: 'workspace' as const }] : []),
    { label: 'Choose a Folder…', description: 'the text files of a folder', value: 'folder' },
  ], `Train a dictionary for ${model.id === BUNDLED_MODEL_ID ? 'the bundled model' : model.id} on…`);
}

async function corpusFor(kind: CorpusKind, token: vscode.CancellationToken, progress: vscode.Progress<{ message?: string }>): Promise<TrainingCorpus | undefined> {
  if (kind === 'brown') return { kind: 'brown' };
  if (kind === 'workspace') {
    progress.report({ message: 'reading the workspace’s text files' });
    const documents = await workspaceDocuments(token);
    return token.isCancellationRequested ? undefined : { kind: 'documents', name: `workspace ${vscode.workspace.name ?? ''}`.trim(), documents };
  }
  const [folder] = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Learn from This Folder' })) ?? [];
  return folder ? { kind: 'folder', dir: folder.fsPath } : undefined;
}

async function pick<T>(items: Array<vscode.QuickPickItem & { value: T }>, placeHolder: string): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { title: `${TITLE}: Train Dictionary`, placeHolder, ignoreFocusOut: true }))?.value;
}

async function ask(prompt: string, value: string, problem: (text: string) => string | undefined): Promise<string | undefined> {
  return (await vscode.window.showInputBox({ title: `${TITLE}: Train Dictionary`, prompt, value, ignoreFocusOut: true, validateInput: problem }))?.trim();
}
