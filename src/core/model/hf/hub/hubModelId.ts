/** A Hugging Face Hub repository id: `name` or `owner/name` (letters, digits, `-`, `_`, `.`). */
const HUB_ID = /^(?:[A-Za-z0-9][\w.-]{0,95}\/)?[A-Za-z0-9][\w.-]{0,95}$/;

export function isHubModelId(text: string): boolean {
  return HUB_ID.test(text) && !text.includes('..') && !text.includes('--') && !text.endsWith('.git');
}

/** Why a typed text is not a Hub id, or undefined when it is one. */
export function hubModelIdProblem(text: string): string | undefined {
  const id = text.trim();
  if (!id) return 'Type a model id such as Xenova/bert-base-uncased';
  if (!isHubModelId(id)) return `"${id}" is not a Hugging Face model id: owner/name, with letters, digits, "-", "_" and "."`;
  return undefined;
}
