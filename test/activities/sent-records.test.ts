// A sent reminder's analytics records go in the statement that marks it sent (the event store in the
// ledger's database): one round trip for both. When the records cannot be written, the mark still
// holds (a retry finds the message sent and sends nothing), the attempt fails, and the retry records them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MockActivityEnvironment } from '@temporalio/testing';
import { Client } from 'pg';
import { type ActivityDependencies, createActivities } from '../../activities';
import type { SendReminderInput, SendResult } from '../../activities/contract';
import { createSesMailer, type SesMailer } from '../../activities/ses-mailer';
import type { Checkout } from '../../common/checkout';
import { workflowIdFor } from '../../common/messages';
import type { EventStore } from '../../storage/event-store';
import { type LedgerOptions, type LedgerStores, openStores, reminderKey } from '../../storage/send-ledger';
import { LocalInbox } from '../support/inbox';
import { openAll } from '../support/open-all';
import { usePostgresSchema } from '../support/postgres-schema';
import { FROM, LINKS, reminder, sampleCheckout } from './fixtures';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

function send(deps: ActivityDependencies, checkout: Checkout, step = 1): Promise<SendResult> {
  const env = new MockActivityEnvironment({
    workflowExecution: { workflowId: workflowIdFor(checkout.checkoutId), runId: 'run-1' },
  });
  const { sendReminder } = createActivities(deps);
  return env.run<[SendReminderInput], SendResult, typeof sendReminder>(sendReminder, reminder(checkout, step));
}

function suite(options: () => LedgerOptions, raw?: () => string) {
  let ses: LocalInbox;
  let mailer: SesMailer;
  let stores: LedgerStores;
  let appends = 0;
  const deps = (): ActivityDependencies => {
    const counted: EventStore = Object.create(stores.events, {
      append: {
        value: (events: Parameters<EventStore['append']>[0]) => {
          appends += 1;
          return stores.events.append(events);
        },
      },
    });
    return { mailer, ledger: stores.ledger, from: FROM, links: LINKS, events: counted, eventsInLedger: true };
  };

  before(async () => {
    [ses, stores] = await openAll([
      [LocalInbox.start(), (s) => s.close()],
      [openStores(options()), (s) => s.close()],
    ]);
    mailer = createSesMailer({ endpoint: ses.url, region: 'us-east-1' });
  });
  after(async () => {
    mailer?.close();
    await stores?.close();
    await ses?.close();
  });

  it("writes a sent reminder's record with its mark: no append of its own, the ledger and the timeline agree", async () => {
    const checkout = sampleCheckout();
    appends = 0;
    const result = await send(deps(), checkout);
    assert.equal(result.outcome, 'sent');
    assert.equal(appends, 0, 'recorded in the mark’s statement');
    const marked = await stores.ledger.get(reminderKey(checkout.checkoutId, 1));
    assert.equal(marked?.status, 'sent');
    const [record] = await stores.events.timeline(checkout.checkoutId);
    assert.equal(record?.type === 'reminder_sent' && record.messageId, result.messageId);
  });

  it('the last step closes the checkout in the same statement (expired)', async () => {
    const checkout = sampleCheckout();
    appends = 0;
    await send(deps(), checkout, 3);
    assert.equal(appends, 0, 'recorded in the mark’s statement');
    const types = (await stores.events.timeline(checkout.checkoutId)).map((e) => e.type);
    assert.deepEqual(types.sort(), ['closed', 'reminder_sent']);
  });

  if (raw) {
    it('records it cannot write: the mark holds, the attempt fails, the retry records without a second send', async () => {
      const checkout = sampleCheckout();
      const sql = new Client({ connectionString: raw() });
      await sql.connect();
      try {
        await sql.query('ALTER TABLE recovery_events RENAME TO recovery_events_away');
        await assert.rejects(send(deps(), checkout), /could not record the reminder's outcome/);
        assert.equal((await stores.ledger.get(reminderKey(checkout.checkoutId, 1)))?.status, 'sent');
        await sql.query('ALTER TABLE recovery_events_away RENAME TO recovery_events');
        const retried = await send(deps(), checkout);
        assert.equal(retried.deduplicated, true);
        assert.equal((await ses.messagesTo(checkout.customer.email)).length, 1, 'one message');
        const [record] = await stores.events.timeline(checkout.checkoutId);
        assert.equal(record?.type === 'reminder_sent' && record.messageId, retried.messageId);
      } finally {
        await sql.query('ALTER TABLE IF EXISTS recovery_events_away RENAME TO recovery_events').catch(() => {});
        await sql.end();
      }
    });
  }
}

describe('sent records with the mark, on in-memory PGlite', () => {
  suite(() => ({ databaseUrl: undefined, inMemory: true }));
});

describe('sent records with the mark, on PostgreSQL (TEST_DATABASE_URL)', {
  skip: TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set',
}, () => {
  const url = TEST_DATABASE_URL ?? '';
  const schema = usePostgresSchema(url, 'sent_records');
  suite(
    () => ({ databaseUrl: url, schema }),
    () => `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
  );
});
