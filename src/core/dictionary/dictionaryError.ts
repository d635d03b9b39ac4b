/** A dictionary that cannot be used, with a message meant to be shown to the user as is. */
export class DictionaryError extends Error {}
