/** What commands about one factor receive: from hover links, the dictionaries view, or other commands. */
export interface FactorArgs {
  factor: number;
  layer?: string;
  /** The dictionary the factor belongs to; the active one when absent. */
  dictionaryId?: string;
}

/** Checks a command argument (command links can carry anything) and keeps only what is expected. */
export function factorArgs(value: unknown): FactorArgs | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { factor, layer, dictionaryId } = value as Record<string, unknown>;
  if (typeof factor !== 'number' || !Number.isInteger(factor) || factor < 0) return undefined;
  return {
    factor,
    ...(typeof layer === 'string' ? { layer } : {}),
    ...(typeof dictionaryId === 'string' ? { dictionaryId } : {}),
  };
}

/** The dictionary id in a command argument: a dictionaries-view node or `{dictionaryId}`. */
export function dictionaryIdArg(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { dictionaryId } = value as Record<string, unknown>;
  return typeof dictionaryId === 'string' && dictionaryId ? dictionaryId : undefined;
}
