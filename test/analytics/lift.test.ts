// The interval arithmetic against the published worked examples (Newcombe 1998, Stat Med 17:873-890).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newcombeDifference, riskRatio, wilson } from '../../apps/api/analytics/lift';

const near = (actual: number, expected: number, digits = 4) =>
  assert.ok(Math.abs(actual - expected) < 0.5 * 10 ** -digits, `${actual} is not ${expected} to ${digits} places`);

test("Wilson's score interval: 81/263 is 0.2553 to 0.3662 (Newcombe's table I)", () => {
  const { low, high } = wilson(81, 263);
  near(low, 0.2553);
  near(high, 0.3662);
});

test("Newcombe's hybrid score interval: 56/70 vs 48/80 is +0.2000 (0.0524 to 0.3339)", () => {
  const d = newcombeDifference(56, 70, 48, 80);
  near(d.difference, 0.2);
  near(d.low, 0.0524);
  near(d.high, 0.3339);
});

test('Newcombe at the boundaries: 5/56 vs 0/29 is 0.0893 (-0.0381 to 0.1926)', () => {
  const d = newcombeDifference(5, 56, 0, 29);
  near(d.low, -0.0381);
  near(d.high, 0.1926);
});

test('no checkouts in a group: the widest interval, never NaN', () => {
  const d = newcombeDifference(3, 10, 0, 0);
  assert.ok(Number.isFinite(d.low) && Number.isFinite(d.high));
  assert.ok(d.low < 0 && d.high > 0);
});

test('the relative lift: 56/70 vs 48/80 is a rate ratio of 1.3333 (log method: 1.0766 to 1.6512)', () => {
  // ln(4/3) ± 1.96 × √(1/56 − 1/70 + 1/48 − 1/80) = 0.2877 ± 0.2139 (Gardner & Altman's formula).
  const r = riskRatio(56, 70, 48, 80);
  assert.ok(r);
  near(r.ratio, 1.3333);
  near(r.low, 1.0766);
  near(r.high, 1.6512);
});

test('no order in a group: no ratio, rather than an infinite interval', () => {
  assert.equal(riskRatio(3, 10, 0, 10), null);
  assert.equal(riskRatio(0, 10, 3, 10), null);
});
