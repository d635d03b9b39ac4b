// The webview's entry point: the document view and factor dashboard are built here (see
// issues 4 and 5). It receives typed messages from the extension host.
interface TokensMessage {
  type: 'tokens';
  tokens: Array<{ text: string }>;
}

window.addEventListener('message', (event: MessageEvent<TokensMessage>) => {
  if (event.data?.type !== 'tokens' || !Array.isArray(event.data.tokens)) return;
  const root = document.getElementById('root');
  if (!root) return;
  root.replaceChildren(...event.data.tokens.map((t) => {
    const span = document.createElement('span');
    span.textContent = t.text;
    span.className = 'token';
    return span;
  }));
});
