import type { CatalogSummary } from '../../core/catalog/catalogSummary';
import type { Services } from './services';

export interface FactorNames {
  /** The catalog's automatic label, or `factor N` without a catalog. */
  label: string;
  /** The user's own label, when they gave one. */
  userLabel?: string;
}

/** How factors of the open (or active) dictionary are named: the catalog's labels and the user's. */
export async function factorNamer(services: Services): Promise<{ name: (factor: number) => FactorNames; catalog: CatalogSummary | undefined }> {
  const entry = services.engine.opened?.entry ?? services.engine.activeEntry();
  const catalog = await services.engine.catalog(entry);
  const notes = entry ? services.dictionaries.notes.lookup(entry.id) : undefined;
  return {
    catalog,
    name: (factor) => {
      const userLabel = notes?.(factor)?.label;
      return { label: catalog?.factors[factor]?.label ?? `factor ${factor}`, ...(userLabel ? { userLabel } : {}) };
    },
  };
}

/** `#12 my label` (the user's label first), for short places such as the status bar. */
export function shortName(factor: number, names: FactorNames): string {
  return `#${factor} ${names.userLabel ?? names.label}`;
}
