/** The commands this part of the extension registers (package.json contributes them). */
export const MODEL_COMMANDS = {
  useHubModel: 'transformerFactors.useHubModel',
  useLocalModel: 'transformerFactors.useLocalModel',
  useBundledModel: 'transformerFactors.useBundledModel',
  trainDictionary: 'transformerFactors.trainDictionary',
} as const;
