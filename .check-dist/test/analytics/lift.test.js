var __importDefault = (this && this.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
Object.defineProperty(exports, '__esModule', { value: true });
// The interval arithmetic against the published worked examples (Newcombe 1998, Stat Med 17:873-890).
const strict_1 = __importDefault(require('node:assert/strict'));
const node_test_1 = require('node:test');
const lift_1 = require('../../apps/api/analytics/lift');
const near = (actual, expected, digits = 4) =>
  strict_1.default.ok(
    Math.abs(actual - expected) < 0.5 * 10 ** -digits,
    `${actual} is not ${expected} to ${digits} places`,
  );
(0, node_test_1.test)("Wilson's score interval: 81/263 is 0.2553 to 0.3662 (Newcombe's table I)", () => {
  const { low, high } = (0, lift_1.wilson)(81, 263);
  near(low, 0.2553);
  near(high, 0.3662);
});
(0, node_test_1.test)("Newcombe's hybrid score interval: 56/70 vs 48/80 is +0.2000 (0.0524 to 0.3339)", () => {
  const d = (0, lift_1.newcombeDifference)(56, 70, 48, 80);
  near(d.difference, 0.2);
  near(d.low, 0.0524);
  near(d.high, 0.3339);
});
(0, node_test_1.test)('Newcombe at the boundaries: 5/56 vs 0/29 is 0.0893 (-0.0381 to 0.1926)', () => {
  const d = (0, lift_1.newcombeDifference)(5, 56, 0, 29);
  near(d.low, -0.0381);
  near(d.high, 0.1926);
});
(0, node_test_1.test)('no checkouts in a group: the widest interval, never NaN', () => {
  const d = (0, lift_1.newcombeDifference)(3, 10, 0, 0);
  strict_1.default.ok(Number.isFinite(d.low) && Number.isFinite(d.high));
  strict_1.default.ok(d.low < 0 && d.high > 0);
});
//# sourceMappingURL=lift.test.js.map
