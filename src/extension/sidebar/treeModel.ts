import type { CatalogSummary, FactorSummary } from '../../core/catalog/catalogSummary';
import type { FactorNote } from '../../core/annotations/factorNotesFile';
import type { DictionaryEntry, UnusableDictionary } from '../../core/dictionary/dictionaryStore';
import { factorsByImportance, factorTitle, formatImportance, topWordsText } from '../dictionaries/factorFacts';
import { escape } from '../hover/hoverMarkdown';

// What each row of the dictionaries view shows, as plain data: the provider only turns it into
// TreeItems, so everything the user sees is tested without the editor.

export const OPEN_FACTOR_COMMAND = 'transformerFactors.openFactor';

export interface TreeRow {
  /** Unique in the view and stable across refreshes, so expansion and selection survive them. */
  id: string;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  icon?: { id: string; color?: string };
  /** Read by the `view/item/context` menus' `viewItem` clauses in package.json. */
  contextValue?: string;
  collapsible: 'none' | 'collapsed';
  command?: { command: string; title: string; arguments: unknown[] };
}

export type DictionaryNode = { kind: 'dictionary'; dictionaryId: string; row: TreeRow };
export type LayerNode = { kind: 'layer'; dictionaryId: string; layer: string; row: TreeRow };
/** Commands run from the row's menus receive this node, so it carries the `{factor, layer}` they expect. */
export type FactorNode = { kind: 'factor'; dictionaryId: string; layer: string; factor: number; row: TreeRow };
export type MessageNode = { kind: 'message'; row: TreeRow };
export type TreeNode = DictionaryNode | LayerNode | FactorNode | MessageNode;

export interface DictionaryContext {
  active: boolean;
  /** The model the editor runs; a dictionary made for another can be browsed but not used. */
  editorModelId: string;
}

const WORDS_IN_DESCRIPTION = 4;
const WORDS_IN_TOOLTIP = 10;

export function dictionaryNode(entry: DictionaryEntry, context: DictionaryContext): DictionaryNode {
  const origin = sourceLabel(entry);
  const otherModel = entry.modelId !== context.editorModelId;
  const description = [
    ...(context.active ? ['active'] : []),
    origin,
    `${entry.atomCount} factors`,
    `λ ${entry.lambda}`,
    ...(otherModel ? [`for ${entry.modelId}`] : []),
  ].join(' · ');
  const tooltip = [
    `**${escape(entry.name)}**${context.active ? ' (active)' : ''}  `,
    `\`${entry.id}\` · ${origin}`,
    '',
    `- model: ${escape(entry.modelId)}, ${entry.hiddenSize}-wide hidden states`,
    `- ${entry.atomCount} factors, λ = ${entry.lambda}`,
    `- layers: ${entry.layers.length ? entry.layers.map(escape).join(', ') : 'none named'}`,
    `- factor catalog: ${entry.hasCatalog ? 'yes (labels, importance, examples)' : 'none, so factors have no labels'}`,
    ...(entry.importedFrom ? [`- imported from ${escape(entry.importedFrom)}`] : []),
    `- SHA-256 of Φ: ${entry.dataSha256.slice(0, 16)}…`,
    ...(otherModel ? ['', `Made for model ${escape(entry.modelId)}; the editor runs ${escape(context.editorModelId)}, so this dictionary can be browsed but not used to decompose text.`] : []),
  ].join('\n');
  return {
    kind: 'dictionary',
    dictionaryId: entry.id,
    row: {
      id: entry.id,
      label: entry.name,
      description,
      tooltip,
      icon: otherModel ? { id: 'warning', color: 'problemsWarningIcon.foreground' } : { id: context.active ? 'pass-filled' : 'book' },
      contextValue: `tfDictionary.${entry.source}${context.active ? '.active' : ''}`,
      collapsible: 'collapsed',
    },
  };
}

export function unusableDictionaryNode(dictionary: UnusableDictionary): DictionaryNode {
  return {
    kind: 'dictionary',
    dictionaryId: dictionary.id,
    row: {
      id: dictionary.id,
      label: dictionary.id.slice(dictionary.id.indexOf(':') + 1),
      description: `cannot be used: ${dictionary.problem}`,
      tooltip: [`**${escape(dictionary.id)}** cannot be used`, '', escape(dictionary.message), '', `File: \`${dictionary.path.replace(/`/g, 'ʼ')}\``].join('\n'),
      icon: { id: 'warning', color: 'problemsWarningIcon.foreground' },
      contextValue: `tfDictionary.unusable.${dictionary.source}`,
      collapsible: 'none',
    },
  };
}

export function layerNode(entry: DictionaryEntry, layer: string, catalog?: CatalogSummary): LayerNode {
  const layerIndex = catalog?.layers.indexOf(layer) ?? -1;
  const active = layerIndex < 0 ? undefined : catalog!.factors.filter((f) => (f.layers[layerIndex]?.importance ?? 0) > 0).length;
  const tooltip = catalog && layerIndex >= 0
    ? `Factors of **${escape(entry.name)}** at layer **${escape(layer)}**, most important first.\n\nImportance: the mean of a factor's ${catalog.importanceTopN} largest coefficients at this layer on ${escape(catalog.corpus.name)} (${catalog.corpus.tokens} tokens); ${active} of ${entry.atomCount} factors were active there.`
    : `Factors of **${escape(entry.name)}** at layer **${escape(layer)}**.`;
  return {
    kind: 'layer',
    dictionaryId: entry.id,
    layer,
    row: {
      id: `${entry.id}/${layer}`,
      label: layer,
      description: active === undefined ? `${entry.atomCount} factors` : `${active} of ${entry.atomCount} factors active`,
      tooltip,
      icon: { id: 'layers' },
      contextValue: 'tfLayer',
      collapsible: 'collapsed',
    },
  };
}

/** The factors at a layer, most important first; by number when there is no catalog. */
export function layerChildren(
  entry: DictionaryEntry,
  layer: string,
  context: { active: boolean; catalog?: CatalogSummary; catalogProblem?: string; notes?: (factor: number) => FactorNote | undefined },
): TreeNode[] {
  const { catalog } = context;
  const layerIndex = catalog?.layers.indexOf(layer) ?? -1;
  if (!catalog || layerIndex < 0) {
    const why = context.catalogProblem ?? (catalog ? `the factor catalog has no layer ${layer}` : `dictionary "${entry.name}" has no factor catalog`);
    const message: MessageNode = {
      kind: 'message',
      row: { id: `${entry.id}/${layer}/message`, label: 'Factors by number (no labels)', tooltip: escape(why), icon: { id: 'info' }, collapsible: 'none' },
    };
    const factors = Array.from({ length: entry.atomCount }, (_, id) => factorNode(entry, layer, { id, label: '' }, context.active, context.notes?.(id)));
    return [message, ...factors];
  }
  return factorsByImportance(catalog, layerIndex).map((factor) => factorNode(entry, layer, factor, context.active, context.notes?.(factor.id), { catalog, layerIndex }));
}

export function factorNode(
  entry: DictionaryEntry,
  layer: string,
  factor: Pick<FactorSummary, 'id' | 'label'> & Partial<FactorSummary>,
  active: boolean,
  note?: FactorNote,
  described?: { catalog: CatalogSummary; layerIndex: number },
): FactorNode {
  const args = { factor: factor.id, layer, dictionaryId: entry.id };
  const importance = described ? (factor.layers?.[described.layerIndex]?.importance ?? 0) : undefined;
  const words = factor.topWords ? topWordsText(factor as FactorSummary, WORDS_IN_DESCRIPTION) : '';
  const description = importance === undefined
    ? undefined
    : importance > 0 ? [formatImportance(importance), ...(words ? [words] : [])].join(' · ') : `inactive here${words ? ` · ${words}` : ''}`;
  return {
    kind: 'factor',
    dictionaryId: entry.id,
    layer,
    factor: factor.id,
    row: {
      id: `${entry.id}/${layer}/${factor.id}`,
      label: factorTitle(factor, note),
      description,
      tooltip: factorTooltip(factor, note, described?.catalog),
      icon: { id: note?.label || note?.note ? 'note' : 'symbol-constant' },
      contextValue: active ? 'tfFactor.active' : 'tfFactor',
      collapsible: 'none',
      command: { command: OPEN_FACTOR_COMMAND, title: 'Open Factor', arguments: [args] },
    },
  };
}

function factorTooltip(factor: Pick<FactorSummary, 'id' | 'label'> & Partial<FactorSummary>, note: FactorNote | undefined, catalog: CatalogSummary | undefined): string {
  const name = note?.label ?? factor.label;
  const lines = [`**#${factor.id}${name ? ` · ${escape(name)}` : ''}**${note?.label ? ' (your label)' : ''}`, ''];
  if (note?.label && factor.label) lines.push(`Catalog label: ${escape(factor.label)}`, '');
  if (factor.label && factor.purity !== undefined) {
    lines.push(`Purity ${Math.round(factor.purity * 100)}%: the share of its top activations on this ${factor.labelKind === 'tag' ? 'part of speech' : 'word'}`, '');
  }
  if (note?.note) lines.push(`Your note: ${escape(note.note)}`, '');
  if (catalog && factor.layers) {
    lines.push('| layer | importance | active on |', '| --- | ---: | ---: |');
    catalog.layers.forEach((layer, index) => {
      const at = factor.layers![index];
      lines.push(`| ${escape(layer)} | ${formatImportance(at?.importance ?? 0)} | ${((at?.activeFraction ?? 0) * 100).toFixed(1)}% |`);
    });
    lines.push('');
  }
  if (factor.topWords?.length) lines.push(`Top words: ${factor.topWords.slice(0, WORDS_IN_TOOLTIP).map((w) => `${escape(w.word)} (${w.count})`).join(', ')}`);
  return lines.join('\n').trimEnd();
}

/** Bundled with the extension, imported from a TransformerVis .npy, or trained with the CLI. */
export function sourceLabel(entry: Pick<DictionaryEntry, 'source' | 'importedFrom'>): string {
  if (entry.source === 'bundled') return 'bundled';
  return entry.importedFrom ? 'imported' : 'trained';
}
