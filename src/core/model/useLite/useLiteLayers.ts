/**
 * The five 512-wide residual-stream depths of USE-Lite's two-layer transformer, in order,
 * with the TF.js graph node that holds each one (used to check the ONNX export against TF.js).
 */
const STACK = 'module_apply_default/Encoder_en/KonaTransformer/Encode/TransformerStack/';

export const USE_LITE_LAYERS = [
  { name: 'embed', tfjsNode: `${STACK}Layer_0/TransformerLayer/AdjustResidualInput/Scatter/ScatterNd` },
  { name: 'L0.attn', tfjsNode: `${STACK}Layer_0/TransformerLayer/layer_postprocess/add` },
  { name: 'L0.ffn', tfjsNode: `${STACK}Layer_0/TransformerLayer/FFN/layer_postprocess/add` },
  { name: 'L1.attn', tfjsNode: `${STACK}Layer_1/TransformerLayer/layer_postprocess/add` },
  { name: 'L1.ffn', tfjsNode: `${STACK}Layer_1/TransformerLayer/FFN/layer_postprocess/add` },
] as const;

export const USE_LITE_HIDDEN_SIZE = 512;
/** The graph drops every position at or beyond this (its ClipToMaxLength step). */
export const USE_LITE_MAX_LENGTH = 128;
