// The frequency cap's hold in one round trip. The check (has another of the customer's checkouts
// been messaged within the cap, or is one being messaged now?) and the hold must not interleave
// with another checkout's, so they run under a per-customer lock: as a transaction that took five
// round trips (BEGIN, lock, read, upsert, COMMIT), holding a pooled connection all the while. As a
// function, the database runs the same steps in one call; each statement inside a VOLATILE function
// reads a fresh snapshot, so the read after the lock sees the hold that the lock waited for.
// Builds that predate the function took the same advisory lock ('checkout-recovery.cap.<customer>'),
// so during a rollout both kinds serialise together.
import { type SQL, sql } from 'drizzle-orm';

export const CREATE_HOLD_CONTACT_FUNCTION = `CREATE OR REPLACE FUNCTION hold_customer_contact(
    p_customer text, p_checkout text, p_cap_ms bigint, p_now_ms double precision,
    p_stale_ms bigint, p_retry_ms bigint)
  RETURNS TABLE (held boolean, until_ms double precision, because text)
  LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  now_at timestamptz := to_timestamp(p_now_ms / 1000);
  last_sent timestamptz;
  sending boolean;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('checkout-recovery.cap.' || p_customer));
  SELECT max(c.sent_at), coalesce(bool_or(c.held_at > now_at - p_stale_ms * interval '1 millisecond'), false)
    INTO last_sent, sending
    FROM customer_contacts c
    WHERE c.customer_id = p_customer AND c.checkout_id <> p_checkout;
  IF last_sent > now_at - p_cap_ms * interval '1 millisecond' THEN
    RETURN QUERY SELECT false, extract(epoch FROM last_sent)::double precision * 1000 + p_cap_ms, 'sent'::text;
    RETURN;
  END IF;
  IF sending THEN
    RETURN QUERY SELECT false, p_now_ms + p_retry_ms, 'sending'::text;
    RETURN;
  END IF;
  INSERT INTO customer_contacts AS c (customer_id, checkout_id, held_at) VALUES (p_customer, p_checkout, now_at)
    ON CONFLICT (customer_id, checkout_id) DO UPDATE SET held_at = now_at;
  RETURN QUERY SELECT true, NULL::double precision, NULL::text;
END
$fn$`;

export interface HoldRow {
  held: boolean;
  until_ms: number | string | null;
  because: 'sent' | 'sending' | null;
}

export function holdContactSql(
  customerId: string,
  checkoutId: string,
  capMs: number,
  nowMs: number,
  staleMs: number,
  retryMs: number,
): SQL {
  return sql`SELECT held, until_ms, because FROM hold_customer_contact(${customerId}, ${checkoutId},
    ${Math.round(capMs)}::bigint, ${nowMs}::double precision, ${Math.round(staleMs)}::bigint, ${retryMs}::bigint)`;
}

/** The message went out: it counts against the customer's other checkouts from `nowMs`. */
export function confirmContactSql(customerId: string, checkoutId: string, nowMs: number): SQL {
  return sql`UPDATE customer_contacts SET sent_at = to_timestamp(${nowMs}::double precision / 1000), held_at = NULL
    WHERE customer_id = ${customerId} AND checkout_id = ${checkoutId}`;
}
