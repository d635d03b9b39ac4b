import type { FactorEngine } from '../core/engine/factorEngine';
import type { ResolvedModel } from '../core/model/hf/modelSource';
import type { LoadedModel } from '../core/model/loadedModel';

export interface CommandContext {
  values: Record<string, string | boolean | undefined>;
  /** The folder of the --model (the bundled one by default), downloaded first if allowed. */
  resolveModel: () => Promise<ResolvedModel>;
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
