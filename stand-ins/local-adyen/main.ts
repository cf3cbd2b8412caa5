// A local Adyen Checkout endpoint over HTTPS (the official library only speaks HTTPS): the JSON of
// POST /{version}/payments, /payments/{pspReference}/captures and /cancels, and GET
// /{version}/storedPaymentMethods, as Adyen documents them. Stored payment method ids decide the
// answer, like Adyen's test cards: `adyen_visa_4111` is authorised, `adyen_refused` refused
// ("Refused", 2), `adyen_no_funds` "Not enough balance" (12), `adyen_issuer_down` "Issuer
// Unavailable" (9), `adyen_3ds` asks for IdentifyShopper. An Idempotency-Key seen before answers
// the first response again, as Adyen does. GET /_local/payments lists what it took (tests).
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';

interface StoredCard {
  brand: string;
  lastFour: string;
  expiryMonth: string;
  expiryYear: string;
  result: { resultCode: string; refusalReason?: string; refusalReasonCode?: string };
}

const CARDS: Record<string, StoredCard> = {
  adyen_visa_4111: {
    brand: 'visa',
    lastFour: '1111',
    expiryMonth: '03',
    expiryYear: '2030',
    result: { resultCode: 'Authorised' },
  },
  adyen_refused: {
    brand: 'mc',
    lastFour: '0004',
    expiryMonth: '03',
    expiryYear: '2030',
    result: { resultCode: 'Refused', refusalReason: 'Refused', refusalReasonCode: '2' },
  },
  adyen_no_funds: {
    brand: 'visa',
    lastFour: '0015',
    expiryMonth: '03',
    expiryYear: '2030',
    result: { resultCode: 'Refused', refusalReason: 'Not enough balance', refusalReasonCode: '12' },
  },
  adyen_issuer_down: {
    brand: 'visa',
    lastFour: '0023',
    expiryMonth: '03',
    expiryYear: '2030',
    result: { resultCode: 'Refused', refusalReason: 'Issuer Unavailable', refusalReasonCode: '9' },
  },
  adyen_3ds: {
    brand: 'visa',
    lastFour: '0031',
    expiryMonth: '03',
    expiryYear: '2030',
    result: { resultCode: 'IdentifyShopper' },
  },
};

export interface TakenPayment {
  pspReference: string;
  reference: string;
  storedPaymentMethodId: string;
  amount: { value: number; currency: string };
  resultCode: string;
  captured: boolean;
  cancelled: boolean;
}

export interface LocalAdyen {
  /** ADYEN_CHECKOUT_URL, e.g. https://127.0.0.1:8443/v71 */
  url: string;
  /** The self-signed certificate to trust (ADYEN_CA_CERT). */
  cert: string;
  payments: TakenPayment[];
  close(): Promise<void>;
}

const psp = () => randomBytes(8).toString('hex').toUpperCase();

export async function startLocalAdyen(port = 0, apiKey = 'local-adyen-key'): Promise<LocalAdyen> {
  const { generate } = await import('selfsigned');
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  } as Parameters<typeof generate>[1]);
  const payments: TakenPayment[] = [];
  const answered = new Map<string, { status: number; body: unknown }>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'https://local-adyen');
    if (url.pathname === '/_local/payments') return send(200, payments);
    if (req.headers['x-api-key'] !== apiKey)
      return send(401, {
        status: 401,
        errorCode: '000',
        message: 'HTTP Status Response - Unauthorized',
        errorType: 'security',
      });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, never>) : {};
    const key = req.headers['idempotency-key'];
    const idempotent = typeof key === 'string' ? `${req.method} ${url.pathname} ${key}` : undefined;
    const earlier = idempotent && answered.get(idempotent);
    if (earlier) return send(earlier.status, earlier.body);
    const answer = route(req.method ?? 'GET', url, body);
    if (idempotent) answered.set(idempotent, answer);
    send(answer.status, answer.body);
  };

  const route = (method: string, url: URL, body: Record<string, never>): { status: number; body: unknown } => {
    const parts = url.pathname.split('/').filter(Boolean); // [version, 'payments', psp?, action?]
    if (method === 'GET' && parts[1] === 'storedPaymentMethods') {
      return {
        status: 200,
        body: {
          merchantAccount: url.searchParams.get('merchantAccount'),
          shopperReference: url.searchParams.get('shopperReference'),
          storedPaymentMethods: Object.entries(CARDS).map(([id, c]) => ({
            id,
            type: 'scheme',
            brand: c.brand,
            lastFour: c.lastFour,
            expiryMonth: c.expiryMonth,
            expiryYear: c.expiryYear,
            supportedShopperInteractions: ['ContAuth'],
          })),
        },
      };
    }
    if (method === 'POST' && parts[1] === 'payments' && parts.length === 2) {
      const paymentMethod = (body.paymentMethod ?? {}) as { storedPaymentMethodId?: string };
      const amount = body.amount as unknown as { value: number; currency: string } | undefined;
      const card = CARDS[paymentMethod.storedPaymentMethodId ?? ''];
      if (!card || !amount || !body.merchantAccount || !body.reference)
        return {
          status: 422,
          body: {
            status: 422,
            errorCode: '14_012',
            message: 'The provided stored payment method is not valid',
            errorType: 'validation',
          },
        };
      const pspReference = psp();
      payments.push({
        pspReference,
        reference: body.reference,
        storedPaymentMethodId: paymentMethod.storedPaymentMethodId ?? '',
        amount,
        resultCode: card.result.resultCode,
        captured: false,
        cancelled: false,
      });
      return {
        status: 200,
        body: {
          pspReference,
          merchantReference: body.reference,
          amount,
          ...card.result,
          ...(card.result.resultCode === 'IdentifyShopper' && { action: { type: 'threeDS2', paymentData: 'local' } }),
        },
      };
    }
    if (method === 'POST' && parts[1] === 'payments' && (parts[3] === 'captures' || parts[3] === 'cancels')) {
      const payment = payments.find((p) => p.pspReference === parts[2]);
      if (payment?.resultCode !== 'Authorised' || !payment)
        return {
          status: 422,
          body: { status: 422, errorCode: '167', message: 'Original pspReference required', errorType: 'validation' },
        };
      if (parts[3] === 'captures') payment.captured = true;
      else payment.cancelled = true;
      return {
        status: 201,
        body: {
          merchantAccount: body.merchantAccount,
          paymentPspReference: payment.pspReference,
          pspReference: psp(),
          reference: body.reference,
          status: 'received',
          ...(parts[3] === 'captures' && { amount: body.amount }),
        },
      };
    }
    return { status: 404, body: { status: 404, errorCode: '000', message: 'Not found', errorType: 'validation' } };
  };

  const server: Server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 500, message: String(err) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${bound}/v71`,
    cert: pems.cert,
    payments,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
