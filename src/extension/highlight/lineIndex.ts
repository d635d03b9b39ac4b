/** A zero-based line and UTF-16 character, as `vscode.Position` takes them. */
export interface LineCharacter {
  line: number;
  character: number;
}

/**
 * Maps character offsets of one text to lines and characters. Built from the text that was
 * analysed, not the live document, so token ranges stay right for that version; line breaks
 * are \r\n, \n or \r, as in the editor.
 */
export class LineIndex {
  private readonly lineStarts: Uint32Array;

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = Uint32Array.from(starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: number): LineCharacter {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: clamped - this.lineStarts[lo] };
  }

  offset(position: LineCharacter): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, position.line)];
    const end = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
    return Math.min(start + Math.max(0, position.character), end);
  }
}
