Object.defineProperty(exports, '__esModule', { value: true });
exports.VIEWER_HTML = void 0;
// The local push service's page: received notifications as a phone would show them, and a button
// that makes a test subscription to paste into a checkout's `customer.pushSubscription`. Everything
// from outside is put into the page with textContent, never as markup.
exports.VIEWER_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Local push service</title>
<style>
body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#222}
button{font-size:1rem;padding:.5rem 1rem;cursor:pointer}
pre{background:#f4f4f4;padding:.75rem;overflow:auto;font-size:.85rem}
.note{border:1px solid #ddd;border-radius:.6rem;padding:.75rem 1rem;margin:.75rem 0;box-shadow:0 1px 3px #0001}
.note h3{margin:0 0 .25rem}.meta{color:#777;font-size:.8rem}.empty{color:#777}
</style></head>
<body>
<h1>Local push service</h1>
<p>Receives web push messages (RFC 8030), checks their VAPID signature (RFC 8292) and decrypts them
(RFC 8291) with the keys of the test subscriptions made here. JSON: <a href="/messages">/messages</a>,
<a href="/subscriptions">/subscriptions</a>.</p>
<p><button id="subscribe">Create a test subscription</button></p>
<div id="created" hidden>
<p>Paste this as the checkout's <code>customer.pushSubscription</code>:</p>
<pre id="subscription"></pre>
</div>
<h2>Received notifications</h2>
<div id="messages"><p class="empty">None yet.</p></div>
<script>
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };
document.getElementById('subscribe').onclick = async () => {
  const res = await fetch('/subscriptions', { method: 'POST' });
  document.getElementById('subscription').textContent = JSON.stringify(await res.json(), null, 2);
  document.getElementById('created').hidden = false;
};
async function refresh() {
  try {
    const { messages } = await (await fetch('/messages')).json();
    const list = document.getElementById('messages');
    list.replaceChildren();
    if (messages.length === 0) list.append(el('p', 'None yet.', 'empty'));
    for (const m of messages) {
      const p = m.payload && typeof m.payload === 'object' ? m.payload : { body: String(m.payload) };
      const card = el('div', undefined, 'note');
      card.append(el('h3', String(p.title ?? '(no title)')), el('div', String(p.body ?? '')));
      if (typeof p.url === 'string' && /^https?:\\/\\//.test(p.url)) {
        const a = el('a', p.url); a.href = p.url; a.rel = 'noopener noreferrer'; card.append(a);
      }
      card.append(el('div', m.receivedAt + ' · subscription ' + m.subscriptionId + ' · TTL ' + m.headers.ttl +
        ' · urgency ' + (m.headers.urgency ?? '-') + (p.tag ? ' · tag ' + p.tag : '') + ' · from ' + (m.vapid.sub ?? '?'), 'meta'));
      list.append(card);
    }
  } catch {}
}
refresh();
setInterval(refresh, 2000);
</script>
</body>
</html>
`;
//# sourceMappingURL=viewer.js.map
