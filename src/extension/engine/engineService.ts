import * as vscode from 'vscode';
import type { CatalogSummary } from '../../core/catalog/catalogSummary';
import type { DictionaryEntry } from '../../core/dictionary/dictionaryStore';
import { bundledModelDir } from '../../core/model/bundledModel';
import type { CatalogCache } from '../dictionaries/catalogCache';
import type { DictionaryRegistry } from '../dictionaries/dictionaryRegistry';
import type { AnalysisEngine } from '../analysis/documentAnalyser';
import { lambdaOverride } from '../settings/settings';
import { SettingsService } from '../settings/settingsService';
import { EngineClient, type DecomposeOptions } from './engineClient';
import { EngineError } from './engineError';
import type { EngineSummary } from './engineProtocol';

/** The engine as opened for one dictionary and λ. */
export interface OpenEngine extends AnalysisEngine {
  entry: DictionaryEntry;
  summary: EngineSummary;
}

/**
 * Owns the engine worker: opens the active dictionary on first use, opens it again when the
 * dictionary or λ changes (each opening is a new `generation`), restarts a crashed worker, and
 * tells the user plainly when a model or dictionary cannot be used.
 */
export class EngineService implements vscode.Disposable {
  private client: EngineClient | undefined;
  private opening: { key: string; engine: Promise<OpenEngine> } | undefined;
  private generation = 0;
  private reported = new Set<string>();
  private readonly changed = new vscode.EventEmitter<OpenEngine | undefined>();
  /** Fires when another dictionary or λ is to be used (undefined) and when it is open. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private current: OpenEngine | undefined;
  private modelDirFor: (entry: DictionaryEntry) => Promise<string> = async () => bundledModelDir();
  private modelRevision = 0;
  /** The key whose opening failed last. */
  private failed: string | undefined;

  constructor(
    private readonly settings: SettingsService,
    private readonly registry: DictionaryRegistry,
    private readonly catalogs: CatalogCache,
  ) {
    this.subscriptions = [
      settings.onDidChange(({ changed }) => (changed.has('dictionary') || changed.has('lambda')) && this.reconsider()),
      registry.onDidChange(() => this.reconsider()),
    ];
  }

  /**
   * Where the model a dictionary decomposes is found (default: the bundled model). The models
   * part sets this for Hub and local models; the engine opens again with the new resolver.
   */
  setModelResolver(resolve: (entry: DictionaryEntry) => Promise<string>): void {
    this.modelDirFor = resolve;
    this.modelRevision++;
    this.reconsider();
  }

  /** The engine when it is open, without waiting. */
  get opened(): OpenEngine | undefined {
    return this.current;
  }

  /** The model folder a dictionary opens with, for other workers that run the same model (the factor panel's). */
  modelDirOf(entry: DictionaryEntry): Promise<string> {
    return this.modelDirFor(entry);
  }

  /** The dictionary that is (or will be) used. */
  activeEntry(): DictionaryEntry | undefined {
    return this.registry.active();
  }

  /**
   * The open engine, opening it if needed. Rejects with an EngineError (already shown to the
   * user); a failed opening is not tried again until something changes, or `retry` is set.
   */
  ready(retry = false): Promise<OpenEngine> {
    const entry = this.registry.active();
    if (!entry) {
      const error = new EngineError('dictionary', 'no usable dictionary was found (the bundled one is missing or damaged)', 'not-found');
      this.report('none', error);
      return Promise.reject(error);
    }
    const lambda = lambdaOverride(this.settings.current);
    const key = this.keyOf(entry, lambda);
    if (this.opening?.key === key && this.client?.alive && !(retry && this.failed === key)) return this.opening.engine;
    this.failed = undefined;
    this.reported.delete(key);
    this.warnIfConfiguredMissing();
    const client = this.client?.alive ? this.client : (this.client = new EngineClient());
    const generation = ++this.generation;
    const modelDir = this.modelDirFor(entry).catch((error: unknown) => {
      throw new EngineError('model', `cannot find the model for dictionary ${entry.name}: ${(error as Error)?.message ?? String(error)}`);
    });
    const engine = modelDir.then((dir) => client.open({ modelDir: dir, dictionaryPath: entry.path, lambda })).then(
      (summary): OpenEngine => {
        const open: OpenEngine = { entry, summary, generation, decompose: (text: string, options: DecomposeOptions) => client.decompose(text, options) };
        if (this.generation === generation) {
          this.current = open;
          this.changed.fire(open);
        }
        return open;
      },
      (error: unknown) => {
        const engineError = error instanceof EngineError ? error : new EngineError('worker', String(error));
        if (this.opening?.key === key) this.failed = key;
        this.report(key, engineError, entry);
        throw engineError;
      },
    );
    engine.catch(() => undefined);
    this.opening = { key, engine };
    return engine;
  }

  /** The open dictionary's factor catalog (its summary), or undefined when it has none (or it cannot be read). */
  async catalog(entry = this.current?.entry ?? this.registry.active()): Promise<CatalogSummary | undefined> {
    if (!entry?.hasCatalog) return undefined;
    return this.catalogs.get(entry).catch(() => undefined);
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.changed.dispose();
    void this.client?.dispose();
    this.client = undefined;
  }

  /** After a settings or registry change: if another dictionary or λ is now wanted, drop the open one. */
  private reconsider(): void {
    const entry = this.registry.active();
    const key = entry ? this.keyOf(entry, lambdaOverride(this.settings.current)) : 'none';
    if (this.opening?.key === key) return;
    this.opening = undefined;
    this.current = undefined;
    this.generation++;
    this.changed.fire(undefined);
  }

  private keyOf(entry: DictionaryEntry, lambda: number | undefined): string {
    return `${entry.path}\n${entry.dataSha256}\n${lambda ?? 'own'}\n${this.modelRevision}`;
  }

  private warnIfConfiguredMissing(): void {
    const id = this.settings.current.dictionary;
    if (!id || this.registry.get(id) || this.reported.has(`missing:${id}`)) return;
    this.reported.add(`missing:${id}`);
    const unusable = this.registry.unusable().find((u) => u.id === id);
    const why = unusable ? `cannot be used: ${unusable.message}` : 'is not installed';
    void vscode.window
      .showWarningMessage(`Transformer Factors: dictionary ${id} (setting transformerFactors.dictionary) ${why}. Using the bundled dictionary instead.`, 'Open Settings')
      .then((choice) => choice && SettingsService.open('dictionary'));
  }

  /** Tells the user once per dictionary and λ, with what they can do about it. */
  private report(key: string, error: EngineError, entry?: DictionaryEntry): void {
    if (error.kind === 'aborted' || this.reported.has(key)) return;
    this.reported.add(key);
    const what = error.kind === 'model' ? 'cannot load the model' : `cannot use dictionary ${entry?.name ?? ''}`.trim();
    const actions = error.kind === 'model' ? [] : this.settings.current.dictionary ? ['Use Bundled Dictionary', 'Open Settings'] : ['Open Settings'];
    void vscode.window.showErrorMessage(`Transformer Factors: ${what}: ${error.message}`, ...actions).then((choice) => {
      if (choice === 'Open Settings') void SettingsService.open(error.kind === 'dictionary' || error.kind === 'catalog' ? 'dictionary' : 'lambda');
      if (choice === 'Use Bundled Dictionary') void this.settings.update('dictionary', '');
    });
  }
}

