var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// Property: whatever the API's validation accepts, the workflow accepts too. A body that passes the
// edge but fails the workflow's own input check is answered 202 and then dies as a failed workflow,
// silently, with no reminder ever sent. Runs the real validation pipe on fuzzed near-valid bodies,
// in milliseconds, with the cases the hostile-input fuzzing found as fixed examples.
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const fast_check_1 = __importDefault(require('fast-check'));
const create_checkout_dto_1 = require('../../apps/api/checkouts/dto/create-checkout.dto');
const record_activity_dto_1 = require('../../apps/api/checkouts/dto/record-activity.dto');
const recovery_input_1 = require('../../apps/api/checkouts/recovery-input');
const legacy_dto_1 = require('../../apps/api/legacy/legacy.dto');
const legacy_checkout_1 = require('../../apps/api/legacy/legacy-checkout');
const api_validation_pipe_1 = require('../../apps/api/validation/api-validation.pipe');
const invalid_fields_exception_1 = require('../../apps/api/validation/invalid-fields.exception');
const schedule_1 = require('../../common/schedule');
const validate_checkout_1 = require('../../common/validate-checkout');
const env_1 = require('../../config/env');
const api_harness_1 = require('../api/support/api-harness');
const hostile_bodies_1 = require('./support/hostile-bodies');
const RUNS = Number(process.env.FUZZ_RUNS || 1_000);
const pipe = new api_validation_pipe_1.ApiValidationPipe();
const resolved = (0, schedule_1.resolveSchedule)(schedule_1.DEFAULT_SCHEDULE);
const defaultSchedule = resolved.ok ? resolved.steps : [];
/** The DTO the API would hand to its service, or undefined when it answers 400. */
async function accepted(metatype, body) {
  try {
    return await pipe.transform(body, { type: 'body', metatype, data: '' });
  } catch (err) {
    if (err instanceof invalid_fields_exception_1.InvalidFieldsException) return undefined;
    throw err;
  }
}
const withBody = (overrides) => [(0, api_harness_1.checkoutBody)('co-edge', overrides)];
(0, node_test_1.describe)('the API accepts only what the workflow accepts', () => {
  (0, node_test_1.test)(
    'every POST /checkouts body that passes validation is an input the workflow accepts',
    async () => {
      await fast_check_1.default.assert(
        fast_check_1.default.asyncProperty(
          (0, hostile_bodies_1.nearValid)((0, api_harness_1.checkoutBody)('co-edge', { schedule: [{ after: '1s' }] })),
          async (body) => {
            const dto = await accepted(create_checkout_dto_1.CreateCheckoutDto, body);
            if (!dto) return;
            const input = (0, recovery_input_1.toRecoveryInput)(dto, {
              schedule: defaultSchedule,
              orderConfirmation: true,
              policy: (0, env_1.loadPolicy)({}),
            });
            strict_1.default.deepEqual((0, validate_checkout_1.validateRecoveryInput)(input), [], JSON.stringify(body));
            if (input.lastActivityAt !== undefined)
              strict_1.default.ok(Number.isFinite(input.lastActivityAt), dto.lastActivityAt);
          },
        ),
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
    },
  );
  (0, node_test_1.test)(
    'every POST /api/checkout email that passes validation makes an input the workflow accepts',
    async () => {
      await fast_check_1.default.assert(
        fast_check_1.default.asyncProperty(
          (0, hostile_bodies_1.nearValid)({ email_id: 'ada@example.com' }),
          async (body) => {
            const dto = await accepted(legacy_dto_1.LegacyCheckoutDto, body);
            if (!dto) return;
            const input = (0, legacy_checkout_1.legacyRecoveryInput)(
              'legacy-1',
              dto.email_id,
              'a-test-customer-id-secret-of-32-chars!',
              legacy_checkout_1.DEFAULT_LEGACY_CHECKOUT_URL,
              defaultSchedule,
            );
            strict_1.default.deepEqual((0, validate_checkout_1.validateRecoveryInput)(input), [], JSON.stringify(body));
          },
        ),
        { numRuns: RUNS, examples: [[{ email_id: '"a b"@example.com' }]] },
      );
    },
  );
  (0, node_test_1.test)(
    'every activity time that passes validation is a time, not NaN silently read as now',
    async () => {
      await fast_check_1.default.assert(
        fast_check_1.default.asyncProperty(
          (0, hostile_bodies_1.nearValid)({ at: '2025-01-31T12:00:00Z' }),
          async (body) => {
            const dto = await accepted(record_activity_dto_1.RecordActivityDto, body);
            if (dto?.at != null) strict_1.default.ok(Number.isFinite(Date.parse(dto.at)), dto.at);
          },
        ),
        { numRuns: RUNS, examples: [[{ at: '2025-W05-3' }], [{ at: '20250131T120000Z' }]] },
      );
    },
  );
});
//# sourceMappingURL=edge-agrees-with-workflow.test.js.map
