// A stand-in for the SES v1 query API that answers with SES's own XML, including its error
// responses, so tests can drive the real AWS SDK into each failure path. One behaviour per
// request: the rule's choice first (when set and it returns one), then queued behaviours, then the default.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type SesBehaviour =
  | { kind: 'ok'; messageId?: string }
  /** 400 MessageRejected, as SES answers for an unverified address in the sandbox. */
  | { kind: 'reject'; message?: string }
  /** 400 Throttling "Maximum sending rate exceeded." */
  | { kind: 'throttle' }
  /** 400 Throttling "Daily message quota exceeded." */
  | { kind: 'quota' }
  /** 500 InternalFailure. */
  | { kind: 'fail' }
  /** Any other SES error response. */
  | { kind: 'error'; status: number; code: string; message: string; type?: 'Sender' | 'Receiver' }
  /** Never answers (until the endpoint closes): for client timeouts. */
  | { kind: 'hang' };

export interface SesRequest {
  action: string | null;
  behaviour: SesBehaviour['kind'];
  /** The decoded RawMessage.Data of a SendRawEmail. */
  raw?: Buffer;
}

/** Picks a behaviour from the request itself (e.g. by recipient); undefined leaves it to the queue and default. */
export type SesRule = (request: { action: string | null; raw?: Buffer }) => SesBehaviour | undefined;

export interface SesFaultEndpoint {
  /** Give this to the SES client as its endpoint. */
  url: string;
  /** Behaviours for the next requests, in order; after them the default applies. */
  enqueue(...behaviours: SesBehaviour[]): void;
  setDefault(behaviour: SesBehaviour): void;
  /** Consulted before the queue for every request; undefined removes it. */
  setRule(rule: SesRule | undefined): void;
  /** Requests received so far. */
  readonly count: number;
  /** Resolves once `count` requests have been received (no polling on the caller's side). */
  received(count: number): Promise<void>;
  /** Answers the requests left hanging so far with `behaviour` (e.g. a 500 after an order landed). */
  answerHanging(behaviour: Exclude<SesBehaviour, { kind: 'hang' }>): void;
  readonly requests: readonly SesRequest[];
  close(): Promise<void>;
}

const SES_NS = 'http://ses.amazonaws.com/doc/2010-12-01/';

export function errorResponseXml(
  type: 'Sender' | 'Receiver',
  code: string,
  message: string,
  requestId: string,
): string {
  return `<ErrorResponse xmlns="${SES_NS}">
  <Error>
    <Type>${type}</Type>
    <Code>${code}</Code>
    <Message>${escapeXml(message)}</Message>
  </Error>
  <RequestId>${requestId}</RequestId>
</ErrorResponse>
`;
}

function sendRawEmailXml(messageId: string, requestId: string): string {
  return `<SendRawEmailResponse xmlns="${SES_NS}">
  <SendRawEmailResult>
    <MessageId>${messageId}</MessageId>
  </SendRawEmailResult>
  <ResponseMetadata>
    <RequestId>${requestId}</RequestId>
  </ResponseMetadata>
</SendRawEmailResponse>
`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Status and body of SES's answer for one behaviour. */
function answer(behaviour: Exclude<SesBehaviour, { kind: 'hang' }>, requestId: string): [number, string] {
  switch (behaviour.kind) {
    case 'ok':
      return [200, sendRawEmailXml(behaviour.messageId ?? `fault-ok-${requestId}`, requestId)];
    case 'reject':
      return [
        400,
        errorResponseXml(
          'Sender',
          'MessageRejected',
          behaviour.message ??
            'Email address is not verified. The following identities failed the check in region US-EAST-1: shopper@example.com',
          requestId,
        ),
      ];
    case 'throttle':
      return [400, errorResponseXml('Sender', 'Throttling', 'Maximum sending rate exceeded.', requestId)];
    case 'quota':
      return [400, errorResponseXml('Sender', 'Throttling', 'Daily message quota exceeded.', requestId)];
    case 'fail':
      return [500, errorResponseXml('Receiver', 'InternalFailure', 'The request processing has failed.', requestId)];
    case 'error': {
      const type = behaviour.type ?? (behaviour.status >= 500 ? 'Receiver' : 'Sender');
      return [behaviour.status, errorResponseXml(type, behaviour.code, behaviour.message, requestId)];
    }
  }
}

export async function startSesFaultEndpoint(
  options: { default?: SesBehaviour; queue?: SesBehaviour[] } = {},
): Promise<SesFaultEndpoint> {
  let fallback: SesBehaviour = options.default ?? { kind: 'ok' };
  let rule: SesRule | undefined;
  const queue: SesBehaviour[] = [...(options.queue ?? [])];
  const requests: SesRequest[] = [];
  const hanging = new Set<ServerResponse>();
  let sequence = 0;
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const wake = () => {
    for (const w of [...waiters]) {
      if (requests.length < w.count) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const data = form.get('RawMessage.Data');
      const request = { action: form.get('Action'), raw: data === null ? undefined : Buffer.from(data, 'base64') };
      const behaviour = rule?.(request) ?? queue.shift() ?? fallback;
      requests.push({ ...request, behaviour: behaviour.kind });
      sequence += 1;
      respond(res, behaviour, `fault-${process.pid}-${sequence}`);
      wake();
    });
  });

  function respond(res: ServerResponse, behaviour: SesBehaviour, requestId: string): void {
    if (behaviour.kind === 'hang') {
      hanging.add(res);
      return;
    }
    const [status, body] = answer(behaviour, requestId);
    res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
    res.end(body);
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    enqueue: (...behaviours) => {
      queue.push(...behaviours);
    },
    setDefault: (behaviour) => {
      fallback = behaviour;
    },
    setRule: (next) => {
      rule = next;
    },
    get count() {
      return requests.length;
    },
    requests,
    received: (count) =>
      new Promise<void>((resolve) => {
        waiters.push({ count, resolve });
        wake();
      }),
    answerHanging: (behaviour) => {
      for (const res of hanging) {
        sequence += 1;
        respond(res, behaviour, `fault-${process.pid}-${sequence}`);
      }
      hanging.clear();
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
