/** What a TransformerVis file name such as `bert-base-uncased_reg0.23_d2000_epoch2.npy` says. */
export interface PaperFileName {
  /** The part before `_reg…`: the model it was trained on, in TransformerVis' words. */
  modelName?: string;
  lambda?: number;
  atomCount?: number;
  epoch?: number;
}

// Parts are separated by "_"; a part is recognised only whole (`reg0.23`, `d2000`, `epoch2`).
const LAMBDA_PART = /^reg(\d+(?:\.\d*)?(?:e-?\d+)?|\.\d+(?:e-?\d+)?)$/i;
const ATOMS_PART = /^d(\d+)$/;
const EPOCH_PART = /^epoch(\d+)$/;

export function parsePaperFileName(fileName: string): PaperFileName {
  const parts = fileName.replace(/\.npy$/i, '').split('_');
  const result: PaperFileName = {};
  parts.forEach((part, index) => {
    const lambda = LAMBDA_PART.exec(part);
    if (lambda && result.lambda === undefined) {
      result.lambda = Number(lambda[1]);
      if (index > 0) result.modelName = parts.slice(0, index).join('_');
    }
    const atoms = ATOMS_PART.exec(part);
    if (atoms && result.atomCount === undefined) result.atomCount = Number(atoms[1]);
    const epoch = EPOCH_PART.exec(part);
    if (epoch && result.epoch === undefined) result.epoch = Number(epoch[1]);
  });
  return result;
}
