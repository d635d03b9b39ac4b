// Builds the hover's Markdown from plain data; kept free of the `vscode` module so it is tested directly.

export interface HoverFactor {
  id: number;
  coefficient: number;
  label: string;
  /** The user's own label, shown before the automatic one. */
  userLabel?: string;
}

export interface HoverLayer {
  layer: string;
  factors: HoverFactor[];
  active: number;
  relativeResidual: number;
}

export interface HoverInput {
  tokenText: string;
  /** All pieces of the word the token belongs to, in order, when the word is split. */
  wordPieces: string[];
  layers: HoverLayer[];
  /** Command ids the links may call; the Markdown is trusted for these alone. */
  commands: { highlight: string; openFactor: string };
}

const BAR_WIDTH = 12;

/** One block per layer: the top factors with a coefficient bar, their labels, and links. */
export function hoverMarkdown(input: HoverInput): string {
  const pieces = input.wordPieces.length > 1
    ? ` — piece of *${escape(input.wordPieces.join(''))}* (${input.wordPieces.map((p) => `\`${codeSafe(p)}\``).join(' + ')})`
    : '';
  const lines = [`**Transformer Factors** · token \`${codeSafe(input.tokenText)}\`${pieces}`, ''];
  const strongest = Math.max(1e-9, ...input.layers.flatMap((l) => l.factors.map((f) => f.coefficient)));
  for (const layer of input.layers) {
    const reconstructed = Math.max(0, 1 - layer.relativeResidual * layer.relativeResidual);
    lines.push(`**${escape(layer.layer)}** · ${layer.active} active · reconstructs ${(reconstructed * 100).toFixed(1)}% of ‖x‖² (residual ${(layer.relativeResidual * 100).toFixed(1)}%)`, '');
    for (const f of layer.factors) {
      const filled = Math.max(1, Math.round((f.coefficient / strongest) * BAR_WIDTH));
      const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
      const label = f.userLabel ? `${escape(f.userLabel)} · ${escape(f.label)}` : escape(f.label);
      const args = encodeURIComponent(JSON.stringify([{ factor: f.id, layer: layer.layer }]));
      lines.push(`\`${bar}\` ${f.coefficient.toFixed(2)} · **#${f.id}** ${label} · [highlight](command:${input.commands.highlight}?${args}) · [open](command:${input.commands.openFactor}?${args})  `);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Escapes Markdown syntax in text that comes from documents or corpora. */
export function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

function codeSafe(text: string): string {
  return text.replace(/`/g, 'ʼ').replace(/[\r\n]/g, ' ');
}
