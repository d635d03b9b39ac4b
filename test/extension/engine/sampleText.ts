/** Plain English of roughly `sentences` × 14 tokens, reproducible, with varied sentences. */
export function sampleText(sentences: number, seed = 1): string {
  const subjects = ['The old sailor', 'A young teacher', 'My neighbour', 'The committee', 'Her brother', 'The small dog', 'Every student', 'The mayor'];
  const verbs = ['painted', 'described', 'carried', 'remembered', 'admired', 'repaired', 'borrowed', 'discussed'];
  const objects = ['the wooden boat', 'a long letter', 'the broken window', 'an unusual plan', 'the quiet garden', 'three heavy boxes', 'the village church', 'a red umbrella'];
  const endings = ['before the storm arrived.', 'with great care.', 'after dinner on Sunday.', 'while the children slept.', 'in the spring of 1961.', 'without saying a word.'];
  let state = seed;
  const pick = <T>(list: T[]): T => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return list[state % list.length];
  };
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(`${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(endings)}`);
  return out.reduce((text, sentence, i) => text + (i === 0 ? '' : i % 5 === 0 ? '\n' : ' ') + sentence, '');
}
