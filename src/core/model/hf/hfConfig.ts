/** What the engine needs from a Hugging Face config.json, whatever the architecture's own key names. */
export interface HfConfig {
  modelType: string;
  hiddenSize: number;
  layerCount: number;
  /** Positions the model has embeddings for (RoBERTa's padding offset already taken off). */
  maxPositions: number;
  /** `_name_or_path` when the export recorded one. */
  nameOrPath?: string;
}

const first = (config: Record<string, unknown>, keys: string[]): number | undefined => {
  for (const key of keys) {
    const value = config[key];
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  }
  return undefined;
};

// BERT, RoBERTa, MiniLM: hidden_size / num_hidden_layers; DistilBERT: dim / n_layers; GPT-2: n_embd / n_layer.
const HIDDEN_KEYS = ['hidden_size', 'd_model', 'n_embd', 'dim'];
const LAYER_KEYS = ['num_hidden_layers', 'n_layer', 'n_layers', 'num_layers'];
const POSITION_KEYS = ['max_position_embeddings', 'n_positions', 'n_ctx'];

/** Reads a parsed config.json, explaining what is missing. `where` names the file in messages. */
export function parseHfConfig(config: unknown, where: string): HfConfig {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new Error(`${where} is not a JSON object`);
  const c = config as Record<string, unknown>;
  const hiddenSize = first(c, HIDDEN_KEYS);
  const layerCount = first(c, LAYER_KEYS);
  const positions = first(c, POSITION_KEYS);
  const missing = [
    hiddenSize === undefined && `the hidden size (${HIDDEN_KEYS.join(' / ')})`,
    layerCount === undefined && `the number of layers (${LAYER_KEYS.join(' / ')})`,
    positions === undefined && `the number of positions (${POSITION_KEYS.join(' / ')})`,
  ].filter(Boolean);
  if (missing.length) throw new Error(`${where} does not give ${missing.join(', ')}`);
  const modelType = typeof c.model_type === 'string' ? c.model_type : 'unknown';
  // RoBERTa-style position ids start after the padding id (514 embeddings hold 512 positions).
  const offset = typeof c.pad_token_id === 'number' && /roberta|camembert|xlm-roberta/.test(modelType) ? c.pad_token_id + 1 : 0;
  const nameOrPath = typeof c._name_or_path === 'string' && c._name_or_path ? c._name_or_path : undefined;
  return { modelType, hiddenSize: hiddenSize!, layerCount: layerCount!, maxPositions: positions! - offset, nameOrPath };
}
