// Reads what a real local SES endpoint (aws-ses-v2-local) received.
Object.defineProperty(exports, '__esModule', { value: true });
exports.LocalInbox = void 0;
const mailparser_1 = require('mailparser');
const main_1 = require('../../stand-ins/local-ses/main');
class LocalInbox {
  server;
  url;
  constructor(server, url) {
    this.server = server;
    this.url = url;
  }
  static async start() {
    const server = await (0, main_1.startLocalSesServer)('127.0.0.1', 0);
    const { port } = server.address();
    return new LocalInbox(server, `http://127.0.0.1:${port}`);
  }
  /** Every message sent to `to`, oldest first. */
  async messagesTo(to) {
    const res = await fetch(`${this.url}/store`);
    const { emails } = await res.json();
    return emails.filter((e) => e.destination.to.some((t) => t.includes(to)));
  }
  /** The headers of a received message as it went out (lower-case names), from its raw MIME. */
  async headersOf(messageId) {
    const res = await fetch(`${this.url}/raw/${encodeURIComponent(messageId)}`);
    if (!res.ok) throw new Error(`the inbox has no raw message ${messageId} (${res.status})`);
    const parsed = await (0, mailparser_1.simpleParser)(Buffer.from(await res.arrayBuffer()));
    // headerLines keep the value as written (folded lines joined), unlike the parsed `headers`.
    return new Map(
      parsed.headerLines.map((h) => [
        h.key,
        h.line
          .slice(h.line.indexOf(':') + 1)
          .replace(/\r?\n\s+/g, ' ')
          .trim(),
      ]),
    );
  }
  close() {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
exports.LocalInbox = LocalInbox;
//# sourceMappingURL=inbox.js.map
