import type { CatalogSummary, FactorSummary } from '../../core/catalog/catalogSummary';
import type { FactorNote } from '../../core/annotations/factorNotesFile';
import { factorsByImportance, factorTitle, formatImportance, importanceOf, strongestLayerIndex, topWordsText } from './factorFacts';

export interface FactorPickOptions {
  /** Rank and show importance at this layer; by default the largest over all layers. */
  layer?: string;
  /** The user's own label and note for a factor. */
  notes?: (factor: number) => FactorNote | undefined;
  /** Offer only these factors (e.g. search results), in this order. */
  only?: readonly number[];
  /** Extra text put first in a factor's detail, e.g. where a search found it. */
  why?: (factor: number) => string | undefined;
}

/** A QuickPick row, free of the editor API so the listing and search can be tested directly. */
export interface FactorPickItem {
  factor: number;
  /** `#id · label`: VS Code matches what is typed against it, so "12" or "#12" finds factor 12. */
  label: string;
  description: string;
  /** The top words and the user's note, searched too (matchOnDetail). */
  detail: string;
}

const WORDS_SHOWN = 8;

/** Every factor of the catalog, most important first. */
export function factorPickItems(catalog: CatalogSummary, options: FactorPickOptions = {}): FactorPickItem[] {
  const layerIndex = options.layer === undefined ? undefined : catalog.layers.indexOf(options.layer);
  if (layerIndex === -1) throw new Error(`the catalog has no layer ${options.layer} (it has ${catalog.layers.join(', ')})`);
  const factors = options.only ? options.only.map((id) => factorById(catalog, id)) : factorsByImportance(catalog, layerIndex);
  return factors.map((factor) => {
    const note = options.notes?.(factor.id);
    const where = layerIndex === undefined ? `max at ${catalog.layers[strongestLayerIndex(factor)]}` : `at ${options.layer}`;
    const importance = importanceOf(factor, layerIndex);
    const description = [
      importance > 0 ? `importance ${formatImportance(importance)} ${where}` : `never active${layerIndex === undefined ? '' : ` at ${options.layer}`} in the catalog corpus`,
      ...(note?.label ? [factor.label] : []),
    ].join(' · ');
    const words = topWordsText(factor, WORDS_SHOWN);
    const why = options.why?.(factor.id);
    const detail = [...(why ? [why] : []), ...(words ? [`words: ${words}`] : []), ...(note?.note ? [`note: ${note.note}`] : [])].join(' · ');
    return { factor: factor.id, label: factorTitle(factor, note), description, detail };
  });
}

function factorById(catalog: CatalogSummary, id: number): FactorSummary {
  const factor = catalog.factors[id]?.id === id ? catalog.factors[id] : catalog.factors.find((f) => f.id === id);
  if (!factor) throw new Error(`the catalog has no factor ${id}`);
  return factor;
}

/** The factor number in a query typed as "12" or "#12", which the QuickPick then selects. */
export function factorIdInQuery(query: string): number | undefined {
  const id = /^\s*#?(\d+)\s*$/.exec(query)?.[1];
  return id === undefined ? undefined : Number(id);
}
