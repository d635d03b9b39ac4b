import * as vscode from 'vscode';
import { AnalysisService } from '../analysis/analysisService';
import type { DictionaryRegistry } from '../dictionaries/dictionaryRegistry';
import { EngineService } from '../engine/engineService';
import type { SettingsService } from '../settings/settingsService';
import type { DictionaryViews } from '../sidebar/registerDictionaryViews';
import type { Services } from './services';
import { ViewState } from './viewState';

/** The engine, the document analyses and the view state, on top of the settings and dictionaries. */
export function createServices(context: vscode.ExtensionContext, base: { settings: SettingsService; registry: DictionaryRegistry; dictionaries: DictionaryViews }): Services {
  const view = new ViewState();
  const engine = new EngineService(base.settings, base.registry, base.dictionaries.catalogs);
  const analysis = new AnalysisService(base.settings, engine);
  context.subscriptions.push(
    view,
    engine,
    analysis,
    // A new layer setting takes effect at once, replacing the layer chosen in this session.
    base.settings.onDidChange(({ changed }) => changed.has('layer') && view.setLayer('')),
  );
  return { ...base, view, engine, analysis };
}
