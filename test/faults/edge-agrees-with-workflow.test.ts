// Property: whatever the API's validation accepts, the workflow accepts too. A body that passes the
// edge but fails the workflow's own input check is answered 202 and then dies as a failed workflow,
// silently, with no reminder ever sent. Runs the real validation pipe on fuzzed near-valid bodies,
// in milliseconds, with the cases the hostile-input fuzzing found as fixed examples.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { CreateCheckoutDto } from '../../apps/api/checkouts/dto/create-checkout.dto';
import { RecordActivityDto } from '../../apps/api/checkouts/dto/record-activity.dto';
import { toRecoveryInput } from '../../apps/api/checkouts/recovery-input';
import { LegacyCheckoutDto } from '../../apps/api/legacy/legacy.dto';
import { DEFAULT_LEGACY_CHECKOUT_URL, legacyRecoveryInput } from '../../apps/api/legacy/legacy-checkout';
import { ApiValidationPipe } from '../../apps/api/validation/api-validation.pipe';
import { InvalidFieldsException } from '../../apps/api/validation/invalid-fields.exception';
import type { ScheduleStep } from '../../common/checkout';
import { DEFAULT_SCHEDULE, resolveSchedule } from '../../common/schedule';
import { validateRecoveryInput } from '../../common/validate-checkout';
import { loadPolicy } from '../../config/env';
import { checkoutBody } from '../api/support/api-harness';
import { nearValid } from './support/hostile-bodies';

const RUNS = Number(process.env.FUZZ_RUNS || 1_000);
const pipe = new ApiValidationPipe();
const resolved = resolveSchedule(DEFAULT_SCHEDULE);
const defaultSchedule: ScheduleStep[] = resolved.ok ? resolved.steps : [];

/** The DTO the API would hand to its service, or undefined when it answers 400. */
async function accepted<T>(metatype: new () => T, body: unknown): Promise<T | undefined> {
  try {
    return (await pipe.transform(body, { type: 'body', metatype, data: '' })) as T;
  } catch (err) {
    if (err instanceof InvalidFieldsException) return undefined;
    throw err;
  }
}

const withBody = (overrides: Record<string, unknown>) => [checkoutBody('co-edge', overrides)] as [unknown];

describe('the API accepts only what the workflow accepts', () => {
  test('every POST /checkouts body that passes validation is an input the workflow accepts', async () => {
    await fc.assert(
      fc.asyncProperty(nearValid(checkoutBody('co-edge', { schedule: [{ after: '1s' }] })), async (body) => {
        const dto = await accepted(CreateCheckoutDto, body);
        if (!dto) return;
        const input = toRecoveryInput(dto, {
          schedule: defaultSchedule,
          orderConfirmation: true,
          policy: loadPolicy({}),
        });
        assert.deepEqual(validateRecoveryInput(input), [], JSON.stringify(body));
        if (input.lastActivityAt !== undefined) assert.ok(Number.isFinite(input.lastActivityAt), dto.lastActivityAt);
      }),
      {
        numRuns: RUNS,
        examples: [
          withBody({ customer: { id: 'c-1', email: '"a b"@example.com' } }),
          withBody({ customer: { id: 'c-1', email: '"a@b"@example.com' } }),
          withBody({ checkoutUrl: 'HTTPS://shop.example.com/checkout/co-edge' }),
          withBody({ lastActivityAt: '2025-W05-3' }),
          withBody({ lastActivityAt: '2025-01-31T12Z' }),
          withBody({ customer: { id: 'c-1', email: 'a@example.com', phone: '+14155550123' } }),
          withBody({
            customer: {
              id: 'c-1',
              email: 'a@example.com',
              pushSubscription: {
                endpoint: 'http://localhost:8007/push/1',
                expirationTime: null,
                keys: { p256dh: `B${'A'.repeat(86)}=`, auth: 'q1w2e3r4t5y6u7i8o9p0aZ==' },
              },
            },
          }),
          withBody({ schedule: [{ after: '1s', channel: ['push', 'sms', 'email'] }] }),
        ],
      },
    );
  });

  test('every POST /api/checkout email that passes validation makes an input the workflow accepts', async () => {
    await fc.assert(
      fc.asyncProperty(nearValid({ email_id: 'ada@example.com' }), async (body) => {
        const dto = await accepted(LegacyCheckoutDto, body);
        if (!dto) return;
        const input = legacyRecoveryInput(
          'legacy-1',
          dto.email_id,
          'a-test-customer-id-secret-of-32-chars!',
          DEFAULT_LEGACY_CHECKOUT_URL,
          defaultSchedule,
        );
        assert.deepEqual(validateRecoveryInput(input), [], JSON.stringify(body));
      }),
      { numRuns: RUNS, examples: [[{ email_id: '"a b"@example.com' }]] },
    );
  });

  test('every activity time that passes validation is a time, not NaN silently read as now', async () => {
    await fc.assert(
      fc.asyncProperty(nearValid({ at: '2025-01-31T12:00:00Z' }), async (body) => {
        const dto = await accepted(RecordActivityDto, body);
        if (dto?.at != null) assert.ok(Number.isFinite(Date.parse(dto.at)), dto.at);
      }),
      { numRuns: RUNS, examples: [[{ at: '2025-W05-3' }], [{ at: '20250131T120000Z' }]] },
    );
  });
});
