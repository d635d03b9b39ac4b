/** What the editor shades: one factor's activation, or each token's strongest factor (at the current layer). */
export type HighlightMode = { kind: 'factor'; factor: number } | { kind: 'strongest' };

/**
 * The layer to show: the one chosen in this session, else the setting, else the last layer,
 * whichever the open dictionary has.
 */
export function resolveLayer(layers: readonly string[], chosen: string, configured: string): { name: string; index: number } {
  for (const name of [chosen, configured]) {
    const index = name ? layers.indexOf(name) : -1;
    if (index >= 0) return { name, index };
  }
  return { name: layers[layers.length - 1] ?? '', index: layers.length - 1 };
}
