import { applyEdits, modify, parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/**
 * The user's own words about factors, kept in the workspace so they are versioned with the
 * project. Notes are filed under the dictionary id and the SHA-256 of its Φ: factor numbers only
 * mean something for one exact dictionary, so a retrained dictionary starts with no notes.
 *
 *   { "dictionaries": { "<id>": { "<sha256>": { "name": "…", "factors": { "12": { "label": "…", "note": "…" } } } } } }
 *
 * The file may hold comments and keys of its own; edits change only the values they touch.
 */
export const FACTOR_NOTES_PATH = '.vscode/transformer-factors.json';

export interface FactorNote {
  label?: string;
  note?: string;
}

/** Which exact dictionary a note belongs to. */
export interface NotedDictionary {
  id: string;
  sha256: string;
  /** Written beside new notes so people reading the file know which dictionary it was. */
  name?: string;
}

export interface FactorNotesFile {
  /** Notes by `dictionaryKey(id, sha256)`, then by factor. */
  notes: Map<string, Map<number, FactorNote>>;
  /** What could not be read, for the user; a malformed file yields no notes at all. */
  problems: string[];
  malformed: boolean;
}

export class FactorNotesError extends Error {}

export const dictionaryKey = (id: string, sha256: string): string => `${id}\n${sha256}`;

/** Reads the file's text tolerantly: entries of the wrong shape are skipped and reported. */
export function parseFactorNotes(text: string): FactorNotesFile {
  const notes = new Map<string, Map<number, FactorNote>>();
  if (!text.trim()) return { notes, problems: [], malformed: false };
  const syntax = syntaxProblems(text);
  if (syntax.length) return { notes, problems: syntax, malformed: true };
  const root: unknown = parse(text);
  if (!isObject(root)) return { notes, problems: ['the file must hold a JSON object'], malformed: true };
  const problems: string[] = [];
  const dictionaries = root.dictionaries;
  if (dictionaries === undefined) return { notes, problems, malformed: false };
  if (!isObject(dictionaries)) return { notes, problems: ['"dictionaries" must be an object'], malformed: false };
  for (const [id, versions] of Object.entries(dictionaries)) {
    if (!isObject(versions)) {
      problems.push(`dictionaries.${id} must be an object keyed by the dictionary's SHA-256`);
      continue;
    }
    for (const [sha256, version] of Object.entries(versions)) {
      const factors = isObject(version) ? version.factors : undefined;
      if (factors === undefined) continue;
      if (!isObject(factors)) {
        problems.push(`dictionaries.${id}.${short(sha256)}….factors must be an object`);
        continue;
      }
      const byFactor = new Map<number, FactorNote>();
      for (const [key, value] of Object.entries(factors)) {
        const note = factorNote(value);
        if (!/^\d+$/.test(key) || !note) {
          problems.push(`dictionaries.${id}.${short(sha256)}….factors.${key} is not a factor number with a text label or note`);
          continue;
        }
        byFactor.set(Number(key), note);
      }
      notes.set(dictionaryKey(id, sha256), byFactor);
    }
  }
  return { notes, problems, malformed: false };
}

/**
 * The file's new text with one factor's label and note set (blank values are removed, and a
 * factor left with neither is removed). `text` undefined means there is no file yet.
 * Refuses to touch a file it cannot parse, so the user's text is never lost.
 */
export function withFactorNote(text: string | undefined, dictionary: NotedDictionary, factor: number, note: FactorNote): string {
  if (!Number.isInteger(factor) || factor < 0) throw new FactorNotesError(`${factor} is not a factor number`);
  let current = text?.trim() ? text : '{}\n';
  const parsed = parseFactorNotes(current);
  if (parsed.malformed) throw new FactorNotesError(`${FACTOR_NOTES_PATH} cannot be read (${parsed.problems.join('; ')}): fix or remove it before adding notes`);
  const eol = current.includes('\r\n') ? '\r\n' : '\n';
  const edit = (path: Array<string | number>, value: unknown) => {
    try {
      current = applyEdits(current, modify(current, path, value, { formattingOptions: { insertSpaces: true, tabSize: 2, eol } }));
    } catch (error) {
      // jsonc-parser refuses to descend into a non-object, e.g. "dictionaries": [].
      throw new FactorNotesError(`${FACTOR_NOTES_PATH}: cannot write ${path.join('.')} (${(error as Error).message}); fix the file's structure first`, { cause: error });
    }
  };
  const version = ['dictionaries', dictionary.id, dictionary.sha256];
  const factorPath = [...version, 'factors', String(factor)];
  const label = clean(note.label, true);
  const noteText = clean(note.note, false);
  const existing: unknown = valueAt(current, factorPath);
  const keepsOtherKeys = isObject(existing) && Object.keys(existing).some((key) => key !== 'label' && key !== 'note');
  if (!label && !noteText && !keepsOtherKeys) {
    if (existing !== undefined) edit(factorPath, undefined);
    return current;
  }
  if (dictionary.name && valueAt(current, [...version, 'name']) === undefined) edit([...version, 'name'], dictionary.name);
  if (!isObject(existing)) edit(factorPath, {});
  edit([...factorPath, 'label'], label);
  edit([...factorPath, 'note'], noteText);
  return current.endsWith(eol) ? current : current + eol;
}

function syntaxProblems(text: string): string[] {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  return errors.map((error) => `${printParseErrorCode(error.error)} at ${lineAndColumn(text, error.offset)}`);
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

function valueAt(text: string, path: Array<string | number>): unknown {
  let value: unknown = parse(text);
  for (const key of path) value = isObject(value) ? value[key] : undefined;
  return value;
}

function factorNote(value: unknown): FactorNote | undefined {
  if (!isObject(value)) return undefined;
  const note: FactorNote = {};
  if (typeof value.label === 'string' && value.label.trim()) note.label = value.label.trim();
  if (typeof value.note === 'string' && value.note.trim()) note.note = value.note.trim();
  return note.label || note.note ? note : undefined;
}

/** Trims; labels are one line. Empty becomes undefined (which removes the key). */
function clean(value: string | undefined, oneLine: boolean): string | undefined {
  const text = (oneLine ? value?.replace(/\s*[\r\n]+\s*/g, ' ') : value)?.trim();
  return text || undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const short = (sha: string) => sha.slice(0, 12);
