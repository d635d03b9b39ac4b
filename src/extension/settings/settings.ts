// The extension's settings as typed values, parsed from whatever the configuration holds (users
// can write anything in settings.json), kept free of the `vscode` module so it is tested directly.

/** The most a user may allow: a 1 MB document peaks near 0.8 GB through the worker (test/robustness), 2 MB past 1 GB. */
export const MAX_DOCUMENT_CHARACTERS = 1_000_000;

export const SETTINGS_SECTION = 'transformerFactors';

export interface Settings {
  /** Dictionary id (`bundled:<name>` / `imported:<name>`); empty for the bundled default. */
  dictionary: string;
  /** Layer name for highlights; empty for the dictionary's last layer. */
  layer: string;
  factorsShown: number;
  /** Sparsity penalty; 0 uses the dictionary's own. */
  lambda: number;
  maxDocumentCharacters: number;
  /** A CSS colour overriding the theme colour `transformerFactors.activationBackground`; empty for the theme's. */
  highlightColor: string;
  languages: string[];
  schemes: string[];
  debounceMs: number;
  /** Fraction (0–1) of a factor's scale a token must reach for next/previous activation. */
  navigationThreshold: number;
  allowNetwork: boolean;
}

export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  dictionary: '',
  layer: '',
  factorsShown: 5,
  lambda: 0,
  maxDocumentCharacters: 200_000,
  highlightColor: '',
  languages: ['plaintext', 'markdown'],
  schemes: ['file', 'untitled'],
  debounceMs: 500,
  navigationThreshold: 0.1,
  allowNetwork: false,
};

/**
 * Hex colours and plain colour names only: the value ends up inside CSS, so anything that could
 * close the declaration (`;`, `}`, quotes, parentheses) is refused.
 */
export const HIGHLIGHT_COLOR_PATTERN = /^(#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})|[a-z]{3,30})$/i;

/** Reads every setting through `get` (the configuration section), falling back to defaults for invalid values. */
export function readSettings(get: (key: SettingKey) => unknown): Settings {
  const highlightColor = text(get('highlightColor'), DEFAULT_SETTINGS.highlightColor).trim();
  return {
    dictionary: text(get('dictionary'), DEFAULT_SETTINGS.dictionary).trim(),
    layer: text(get('layer'), DEFAULT_SETTINGS.layer).trim(),
    factorsShown: integer(get('factorsShown'), DEFAULT_SETTINGS.factorsShown, 1, 50),
    lambda: number(get('lambda'), DEFAULT_SETTINGS.lambda, 0, Number.MAX_VALUE),
    maxDocumentCharacters: integer(get('maxDocumentCharacters'), DEFAULT_SETTINGS.maxDocumentCharacters, 0, MAX_DOCUMENT_CHARACTERS),
    highlightColor: HIGHLIGHT_COLOR_PATTERN.test(highlightColor) ? highlightColor : '',
    languages: words(get('languages'), DEFAULT_SETTINGS.languages),
    schemes: words(get('schemes'), DEFAULT_SETTINGS.schemes),
    debounceMs: integer(get('debounceMs'), DEFAULT_SETTINGS.debounceMs, 0, 60_000),
    navigationThreshold: number(get('navigationThreshold'), DEFAULT_SETTINGS.navigationThreshold, 0, 1),
    allowNetwork: typeof get('allowNetwork') === 'boolean' ? (get('allowNetwork') as boolean) : DEFAULT_SETTINGS.allowNetwork,
  };
}

/** The keys whose values differ, for listeners that react to some settings only. */
export function changedSettings(before: Settings, after: Settings): Set<SettingKey> {
  const changed = new Set<SettingKey>();
  for (const key of Object.keys(after) as SettingKey[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed.add(key);
  }
  return changed;
}

/** The λ to open a dictionary with: undefined means the dictionary's own. */
export function lambdaOverride(settings: Settings): number | undefined {
  return settings.lambda > 0 ? settings.lambda : undefined;
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function number(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

function integer(value: unknown, fallback: number, min: number, max: number): number {
  return Math.round(number(value, fallback, min, max));
}

function words(value: unknown, fallback: string[]): string[] {
  if (!Array.isArray(value)) return [...fallback];
  return value.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(Boolean);
}
