import { randomBytes } from 'node:crypto';

export interface PanelHtmlParts {
  /** The webview's `cspSource`: the only origin scripts, styles and fonts may come from. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

/** A fresh nonce for each page: 128 random bits, base64. */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The panel's page. Scripts run only from the extension's media folder and only with this
 * page's nonce (no inline scripts, no eval); nothing is fetched from the network. The page has
 * no document content of its own: everything arrives by message and is inserted as text.
 */
export function panelHtml(parts: PanelHtmlParts): string {
  const { cspSource, nonce } = parts;
  const csp = [
    `default-src 'none'`,
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(parts.styleUri)}">
<title>Transformer Factors</title>
</head>
<body>
<div id="root"></div>
<script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(parts.scriptUri)}"></script>
</body>
</html>
`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
