/** A model had to be downloaded, but network access is off: nothing was sent. */
export class NetworkNotAllowedError extends Error {
  readonly code = 'network-not-allowed';

  constructor(readonly modelId: string, howToAllow: string) {
    super(`model ${modelId} is not downloaded yet, and downloading it needs network access, which is off: ${howToAllow}. ` +
      'Nothing was sent over the network.');
    this.name = 'NetworkNotAllowedError';
  }
}
