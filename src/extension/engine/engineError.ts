import { CatalogError } from '../../core/catalog/catalogFile';
import { DictionaryError } from '../../core/dictionary/dictionaryError';
import type { EngineErrorKind, SerializedEngineError } from './engineProtocol';

/** A failure of the engine worker, with a message meant for the user. */
export class EngineError extends Error {
  override readonly name = 'EngineError';

  constructor(
    readonly kind: EngineErrorKind,
    message: string,
    /** DictionaryError.problem when kind is 'dictionary'. */
    readonly problem?: string,
  ) {
    super(message);
  }

  static from(error: SerializedEngineError): EngineError {
    return new EngineError(error.kind, error.message, error.problem);
  }
}

/** Sorts an error thrown in the worker into what the user can act on. */
export function serializeEngineError(error: unknown, duringOpen: boolean): SerializedEngineError {
  if (error instanceof EngineError) return { kind: error.kind, message: error.message, problem: error.problem };
  if (error instanceof DictionaryError) return { kind: 'dictionary', message: error.message, problem: error.problem };
  if (error instanceof CatalogError) return { kind: 'catalog', message: error.message };
  if (isAbort(error)) return { kind: 'aborted', message: 'the decomposition was cancelled' };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: duringOpen ? 'model' : 'worker', message };
}

export function isAbort(error: unknown): boolean {
  return (error instanceof EngineError && error.kind === 'aborted') || (error instanceof Error && error.name === 'AbortError');
}
