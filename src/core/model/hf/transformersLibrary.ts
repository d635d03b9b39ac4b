// @huggingface/transformers is an ES module; this project compiles to CommonJS, so it is loaded
// with a dynamic import (kept as such by TypeScript's Node16 module setting and by esbuild).
type Transformers = typeof import('@huggingface/transformers', { with: { 'resolution-mode': 'import' } });

let loading: Promise<Transformers> | undefined;

/**
 * The library, configured so that nothing reaches the network unless a download asks for it
 * (hubDownload turns remote loading on for the duration of a download it was allowed to make).
 */
export function transformersLibrary(): Promise<Transformers> {
  loading ??= import('@huggingface/transformers').then((library) => {
    library.env.allowRemoteModels = false;
    library.env.allowLocalModels = true;
    return library;
  });
  return loading;
}
