/** The commands this part of the extension registers (package.json contributes them). */
export const COMMANDS = {
  analyseDocument: 'transformerFactors.analyseDocument',
  highlightFactor: 'transformerFactors.highlightFactor',
  highlightStrongest: 'transformerFactors.highlightStrongest',
  pickLayer: 'transformerFactors.pickLayer',
  clearHighlights: 'transformerFactors.clearHighlights',
  nextActivation: 'transformerFactors.nextActivation',
  previousActivation: 'transformerFactors.previousActivation',
  openFactor: 'transformerFactors.openFactor',
  exportDecomposition: 'transformerFactors.exportDecomposition',
  statusMenu: 'transformerFactors.statusMenu',
} as const;

/** The only commands hover links may run. */
export const HOVER_LINK_COMMANDS = [COMMANDS.highlightFactor, COMMANDS.openFactor];
