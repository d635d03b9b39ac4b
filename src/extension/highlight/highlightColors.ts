import { bucketOpacity } from '../../core/decompose/activationBuckets';

/** The colour contributed in package.json; themes and users may set it. */
export const ACTIVATION_COLOR_ID = 'transformerFactors.activationBackground';

/** Intensity levels of factor highlights: one decoration type each. */
export const ACTIVATION_LEVELS = 6;

/**
 * Colours for strongest-factor mode (Okabe–Ito, readable by most colour-blind people), mixed
 * with transparency so the text stays readable on light and dark themes.
 */
export const STRONGEST_PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999'];

const STRONGEST_OPACITY = 0.4;

/** How the editor's CSS names a theme colour (what `new ThemeColor(id)` renders as). */
export function themeColorVariable(id: string): string {
  return `var(--vscode-${id.replace(/\./g, '-')})`;
}

/** The base colour of activation highlights: the user's override (already validated) or the theme's. */
export function activationBase(override: string): string {
  return override || themeColorVariable(ACTIVATION_COLOR_ID);
}

/** `base` at the bucket's strength: a CSS colour that works for theme variables and literal colours alike. */
export function bucketBackground(base: string, bucket: number, levels = ACTIVATION_LEVELS): string {
  return mix(base, bucketOpacity(bucket, levels));
}

export function strongestBackground(index: number): string {
  return mix(STRONGEST_PALETTE[index % STRONGEST_PALETTE.length], STRONGEST_OPACITY);
}

function mix(base: string, opacity: number): string {
  return `color-mix(in srgb, ${base} ${Math.round(opacity * 100)}%, transparent)`;
}
