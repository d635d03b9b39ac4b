import { existsSync } from 'node:fs';
import type { FactorCatalog } from '../catalog/catalog';
import { catalogPathFor, readCatalog } from '../catalog/catalogFile';
import type { LayerCoder } from '../decompose/decomposeDocument';
import { decomposeText, type DocumentDecomposition } from '../decompose/documentDecomposition';
import type { Dictionary, DictionaryMetadata } from '../dictionary/dictionary';
import { readDictionaryFile } from '../dictionary/dictionaryFile';
import type { DocumentEncodeOptions } from '../encode/documentEncoder';
import { loadModel, type LoadedModel } from '../model/loadedModel';
import { OnnxMatMul } from '../sparse/onnxMatMul';
import { SparseCoder } from '../sparse/sparseCoder';

export interface EngineSources {
  modelDir: string;
  dictionaryPath: string;
  /** Overrides the dictionary's own λ. */
  lambda?: number;
  intraOpThreads?: number;
  /** Where a Hugging Face model's rewritten graph is cached (default: defaultModelCacheDir()). */
  modelCacheDir?: string;
  /** Where the correlations XΦᵀ are computed: ONNX Runtime's GEMM (default) or the JavaScript kernel. */
  correlations?: 'onnx' | 'js';
}

/** Everything needed to decompose text: the model, one dictionary (checked against it), its catalog and a coder. */
export class FactorEngine {
  readonly coder: SparseCoder;

  private constructor(
    readonly model: LoadedModel,
    readonly dictionary: Dictionary,
    readonly metadata: DictionaryMetadata,
    readonly catalog: FactorCatalog | undefined,
    readonly lambda: number,
    readonly dictionaryPath: string,
    private readonly matMul: OnnxMatMul | undefined,
  ) {
    this.coder = new SparseCoder(dictionary);
  }

  static async open(sources: EngineSources): Promise<FactorEngine> {
    const model = await loadModel(sources.modelDir, { intraOpThreads: sources.intraOpThreads, cacheDir: sources.modelCacheDir });
    const { dictionary, metadata, sha256 } = readDictionaryFile(sources.dictionaryPath, { model: model.info });
    const catalogPath = catalogPathFor(sources.dictionaryPath);
    const catalog = existsSync(catalogPath) ? readCatalog(catalogPath, { atomCount: dictionary.atomCount, dictionarySha256: sha256 }) : undefined;
    const matMul = sources.correlations === 'js' ? undefined : await OnnxMatMul.create(sources.intraOpThreads);
    return new FactorEngine(model, dictionary, metadata, catalog, sources.lambda ?? metadata.lambda, sources.dictionaryPath, matMul);
  }

  readonly code: LayerCoder = async (X, n) => {
    const { atoms, atomCount: K, hiddenSize: d } = this.dictionary;
    const correlations = this.matMul && n > 0 ? await this.matMul.multiplyTransposed(X, n, atoms, K, d) : undefined;
    return this.coder.codeBatch(X, n, this.lambda, { correlations });
  };

  decompose(text: string, options: DocumentEncodeOptions & { onProgress?: (done: number, total: number) => void } = {}): Promise<DocumentDecomposition> {
    return decomposeText(this.model, this.dictionary, this.code, text, options);
  }

  /** The automatic label of a factor, or its number when there is no catalog. */
  label(factor: number): string {
    return this.catalog?.factors[factor]?.label ?? `factor ${factor}`;
  }

  async dispose(): Promise<void> {
    await this.model.encoder.dispose();
    await this.matMul?.dispose();
  }
}
