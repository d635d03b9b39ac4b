import type { AnalysisService } from '../analysis/analysisService';
import type { DictionaryRegistry } from '../dictionaries/dictionaryRegistry';
import type { EngineService } from '../engine/engineService';
import type { SettingsService } from '../settings/settingsService';
import type { DictionaryViews } from '../sidebar/registerDictionaryViews';
import type { ViewState } from './viewState';

/** What the parts of the extension share; built once in activate(). */
export interface Services {
  settings: SettingsService;
  registry: DictionaryRegistry;
  engine: EngineService;
  analysis: AnalysisService;
  view: ViewState;
  /** The dictionaries view's notes, catalogs and factor QuickPick. */
  dictionaries: DictionaryViews;
}
