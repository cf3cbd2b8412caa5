// SES's answer to SendRawEmail, in its own XML with a fresh MessageId, for benches that must not pay
// the local stand-in's CPU (aws-ses-v2-local parses every message). Imported, it gives the answer;
// run as a process (`SES_PORT=… node dist/bench/support/ses-answer.js`), it answers every request
// with it, so the answering CPU is not the measured process's.
import { createServer } from 'node:http';

let answered = 0;

export function sendRawEmailResponse(): string {
  answered += 1;
  const id = `${Date.now().toString(16)}-${answered.toString(16).padStart(8, '0')}-bench`;
  return `<SendRawEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><SendRawEmailResult><MessageId>${id}</MessageId></SendRawEmailResult><ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata></SendRawEmailResponse>`;
}

if (require.main === module) {
  const port = Number(process.env.SES_PORT);
  createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'text/xml' }).end(sendRawEmailResponse()));
  }).listen(port, '127.0.0.1', () => console.log(`SES answers on ${port}`));
}
