import type { FactorEngine } from '../core/engine/factorEngine';
import type { LoadedModel } from '../core/model/loadedModel';

export interface CommandContext {
  values: Record<string, string | boolean | undefined>;
  loadModel: () => Promise<LoadedModel>;
  /** The model with a dictionary: --dictionary's, or the bundled one; --lambda overrides its λ. */
  loadEngine: () => Promise<FactorEngine>;
  print: (line: string) => void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, { type: 'string' | 'boolean' }>;
  run(context: CommandContext): Promise<void>;
}
