// Texts the editor may hand the engine that are not plain prose.
import { sampleText } from '../../extension/engine/sampleText';

/** What VS Code shows for a binary file opened as text: NUL and control bytes, invalid UTF-8 decoded to U+FFFD. */
export function binaryBytes(length: number, seed = 7): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[i] = i % 17 === 0 ? 0 : state >> 23;
  }
  return bytes;
}

/** Minified JavaScript on one line of about `characters` characters, varied so that no two statements repeat. */
export function minifiedJs(characters: number): string {
  const parts: string[] = ['!function(){"use strict";'];
  let length = parts[0].length;
  for (let i = 0; ; i++) {
    const n = i.toString(36);
    const part = `var a${n}=function(b,c){return b+c*0x${(i * 2654435761 >>> 0).toString(16)}},d${n}=[${i},${i + 1}].map(function(e){return e>${i % 9}?"k${n}":null});if(d${n}.length&&a${n}(1,2)>${i}){console.log(d${n}.join("&&"))}`;
    if (length + part.length + 4 > characters) break;
    parts.push(part);
    length += part.length;
  }
  parts.push('}();');
  return parts.join('');
}

/** Emoji (ZWJ sequences, flags, skin tones), astral letters and CJK extension B: surrogate pairs everywhere. */
export const ASTRAL_TEXT =
  'Our family 👨‍👩‍👧‍👦 flew 🚀 to 🇫🇷 and 🇯🇵. Thumbs 👍🏽👍🏿! Math 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝐁𝐨𝐥𝐝 and 𝑥² + 𝑦² = 𝑧². ' +
  'Rare characters 𠜎𠜱𠝹𠱓 and 𐍈 Gothic, 🀄 tiles, 😀😃😄😁 grins.\nA lone half \ud83d here and \ude00 there.';

/** Right-to-left and mixed scripts, with bidirectional controls and zero-width characters. */
export const MIXED_SCRIPTS_TEXT =
  'The word שלום means peace; مرحبا بالعالم says hello. ' +
  'Numbers 123 inside עברית 456 and العربية ٧٨٩. Persian: کتاب‌ها با نیم‌فاصله. ' +
  '中文和English混在一起, Русский текст, Ελληνικά, हिन्दी, ไทย. ' +
  'Controls: \u202Eright-to-left override\u202C, \u2067isolate\u2069, zero\u200Bwidth and \uFEFFBOM.';

/**
 * Prose of `characters` characters: one paragraph of varied sentences, repeated. Its model
 * windows repeat, so the engine's window cache serves most of them and a document of the
 * maximum size is decomposed in seconds rather than minutes.
 */
export function repeatedProse(characters: number): string {
  const paragraph = sampleText(40, 21) + '\n\n';
  return paragraph.repeat(Math.ceil(characters / paragraph.length)).slice(0, characters);
}
