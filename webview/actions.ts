import type { AttributionSource, WebviewMessage } from '../src/extension/panel/protocol';

/** What the tabs may ask of the app: messages to the host and shared state. */
export interface Actions {
  post(message: WebviewMessage): void;
  selectFactor(factor: number, layer: number): void;
  attribute(source: AttributionSource): void;
  saveScroll(scrollTop: number): void;
  layerName(layer: number): string;
  layerIndex(name: string): number;
}
