import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { FactorCatalog } from '../catalog/catalog';
import { catalogPathFor, readCatalog } from '../catalog/catalogFile';
import type { LayerCoder } from '../decompose/decomposeDocument';
import { decomposeText, type DocumentDecomposition } from '../decompose/documentDecomposition';
import type { Dictionary, DictionaryMetadata } from '../dictionary/dictionary';
import { readDictionaryFile } from '../dictionary/dictionaryFile';
import type { DocumentEncodeOptions } from '../encode/documentEncoder';
import { loadModel, type LoadedModel } from '../model/loadedModel';
import { gramMatrix } from '../sparse/gram';
import { onnxGramMatrix } from '../sparse/onnxGram';
import { OnnxMatMul } from '../sparse/onnxMatMul';
import { CoderPool } from '../sparse/parallel/coderPool';
import { SparseCoder } from '../sparse/sparseCoder';

/** More coder threads than this buy little (each holds its own copy of Φ, its solver's working memory and an ONNX Runtime session). */
const MAX_CODER_THREADS = 4;

/** The machine's cores, up to MAX_CODER_THREADS. */
export function defaultCoderThreads(): number {
  return Math.max(1, Math.min(availableParallelism(), MAX_CODER_THREADS));
}

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
  /**
   * Threads that sparse-code (default: defaultCoderThreads()). Above 1 they are worker threads
   * sharing the Gram matrix, and the codes are identical to those coded on the calling thread (1).
   * With correlations 'js' coding stays on the calling thread.
   */
  coderThreads?: number;
}

/** Everything needed to decompose text: the model, one dictionary (checked against it), its catalog and a coder. */
export class FactorEngine {
  private inThread: SparseCoder | undefined;
  private catalogRead: { catalog: FactorCatalog | undefined } | undefined;

  private constructor(
    readonly model: LoadedModel,
    readonly dictionary: Dictionary,
    readonly metadata: DictionaryMetadata,
    private readonly dictionarySha256: string,
    readonly lambda: number,
    readonly dictionaryPath: string,
    private readonly matMul: OnnxMatMul | undefined,
    private readonly gram: Float32Array,
    private readonly pool: CoderPool | undefined,
  ) {}

  /** A coder on the calling thread, with the Gram matrix the workers (if any) use; made on first use. */
  get coder(): SparseCoder {
    return (this.inThread ??= new SparseCoder(this.dictionary, { gram: this.gram }));
  }

  /**
   * The dictionary's factor catalog, if it has one: read (and checked against the dictionary) on
   * first use. Decomposing never needs it, and it is large: an engine that only decomposes, like
   * the editor's engine worker, keeps a small heap and opens faster.
   */
  get catalog(): FactorCatalog | undefined {
    if (!this.catalogRead) {
      const path = catalogPathFor(this.dictionaryPath);
      const expect = { atomCount: this.dictionary.atomCount, dictionarySha256: this.dictionarySha256 };
      this.catalogRead = { catalog: existsSync(path) ? readCatalog(path, expect) : undefined };
    }
    return this.catalogRead.catalog;
  }

  /** How many threads code: 1 is the calling thread, more are worker threads. */
  get coderThreads(): number {
    return this.pool?.threadCount ?? 1;
  }

  static async open(sources: EngineSources): Promise<FactorEngine> {
    const threads = sources.correlations === 'js' ? 1 : sources.coderThreads ?? defaultCoderThreads();
    if (!Number.isInteger(threads) || threads < 1) throw new Error(`coderThreads must be a whole number from 1, not ${threads}`);
    const model = await loadModel(sources.modelDir, { intraOpThreads: sources.intraOpThreads, cacheDir: sources.modelCacheDir });
    const { dictionary, metadata, sha256 } = readDictionaryFile(sources.dictionaryPath, { model: model.info });
    const matMul = sources.correlations === 'js' ? undefined : await OnnxMatMul.create(sources.intraOpThreads);
    // One Gram matrix for every thread, so that they all code alike.
    const gram = matMul ? await onnxGramMatrix(matMul, dictionary) : gramMatrix(dictionary);
    const pool = threads > 1 ? new CoderPool(dictionary, { gram, threads }) : undefined;
    return new FactorEngine(model, dictionary, metadata, sha256, sources.lambda ?? metadata.lambda, sources.dictionaryPath, matMul, gram, pool);
  }

  readonly code: LayerCoder = async (X, n) => {
    if (this.pool) return this.pool.codeBatch(X, n, this.lambda);
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
    await this.pool?.dispose();
    await this.model.encoder.dispose();
    await this.matMul?.dispose();
  }
}
