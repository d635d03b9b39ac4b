import { DictionaryError } from './dictionaryError';
import type { DictionaryFileHeader } from './dictionaryFormat';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPositiveInteger = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * Parses and checks a header's JSON, listing every field that is missing or of the wrong kind
 * (one message is more useful than fixing a file problem by problem). Unknown fields are kept.
 */
export function parseHeader(path: string, text: string, version: number): DictionaryFileHeader {
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch (error) {
    throw new DictionaryError(`dictionary ${path} has an unreadable header (not valid JSON: ${(error as Error).message})`, 'bad-header', { cause: error });
  }
  if (!isObject(header)) throw new DictionaryError(`dictionary ${path} has an unreadable header (a JSON object was expected)`, 'bad-header');
  const problems = headerProblems(header, version);
  if (problems.length) throw new DictionaryError(`dictionary ${path} has an unusable header: ${problems.join('; ')}`, 'bad-header');
  return header as unknown as DictionaryFileHeader;
}

function headerProblems(header: Json, version: number): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, field: string, what: string) => {
    if (!ok) problems.push(header[field] === undefined ? `${field} is missing` : `${field} must be ${what}`);
  };
  check(header.formatVersion === version, 'formatVersion', `${version}, the version in the file's signature`);
  check(isText(header.name), 'name', 'a non-empty string');
  const model = header.model;
  if (!isObject(model)) check(false, 'model', 'an object with id and hiddenSize');
  else {
    if (!isText(model.id)) problems.push(model.id === undefined ? 'model.id is missing' : 'model.id must be a non-empty string');
    if (!isPositiveInteger(model.hiddenSize)) problems.push(model.hiddenSize === undefined ? 'model.hiddenSize is missing' : 'model.hiddenSize must be a positive integer');
    if (model.onnxSha256 !== undefined && !isText(model.onnxSha256)) problems.push('model.onnxSha256 must be a string');
  }
  check(Array.isArray(header.layers) && header.layers.every(isText), 'layers', 'an array of layer names');
  check(isPositiveInteger(header.atomCount), 'atomCount', 'a positive integer');
  check(typeof header.lambda === 'number' && Number.isFinite(header.lambda) && header.lambda >= 0, 'lambda', 'a finite number ≥ 0');
  check(typeof header.createdAt === 'string', 'createdAt', 'a date string');
  const shape = header.shape;
  const shapeOk = Array.isArray(shape) && shape.length === 2 && shape.every(isPositiveInteger);
  check(shapeOk, 'shape', '[atomCount, hiddenSize] of positive integers');
  check(header.dtype === 'float32', 'dtype', '"float32" (the only data type this version reads)');
  check(header.layout === 'atom-major', 'layout', '"atom-major" (the only layout this version reads)');
  check(typeof header.dataSha256 === 'string' && /^[0-9a-f]{64}$/.test(header.dataSha256), 'dataSha256', 'a SHA-256 in lowercase hex');
  if (shapeOk && isPositiveInteger(header.atomCount) && header.atomCount !== shape[0]) {
    problems.push(`atomCount (${header.atomCount}) disagrees with shape [${shape.join(', ')}]`);
  }
  if (shapeOk && isObject(model) && isPositiveInteger(model.hiddenSize) && model.hiddenSize !== shape[1]) {
    problems.push(`model.hiddenSize (${model.hiddenSize}) disagrees with shape [${shape.join(', ')}]`);
  }
  return problems;
}
