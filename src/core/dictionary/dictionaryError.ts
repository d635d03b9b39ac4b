/** What is wrong, for code that reacts differently (e.g. offers to switch models on `wrong-model`). */
export type DictionaryProblem =
  | 'unreadable'
  | 'not-a-dictionary'
  | 'unsupported-version'
  | 'bad-header'
  | 'truncated'
  | 'trailing-bytes'
  | 'checksum'
  | 'non-finite'
  | 'not-unit-norm'
  | 'hidden-size'
  | 'wrong-model'
  | 'wrong-model-build'
  | 'bad-npy'
  | 'npy-shape'
  | 'zero-atom'
  | 'file-name'
  | 'bad-option'
  | 'already-exists'
  | 'not-removable'
  | 'not-found';

/** A dictionary that cannot be used, with a message meant to be shown to the user as is. */
export class DictionaryError extends Error {
  override readonly name = 'DictionaryError';

  constructor(
    message: string,
    readonly problem: DictionaryProblem,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
