// Incrementality statistics: the difference of two proportions (treated vs holdout conversion)
// with Newcombe's hybrid score interval (Newcombe 1998, method 10), built from Wilson score
// intervals. Sound at small counts and at rates near 0 or 1, where the Wald interval is not.

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** Wilson's score interval for `successes` of `n` (no continuity correction). n = 0: [0, 1]. */
export function wilson(successes: number, n: number, z = Z95): Interval {
  if (n === 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** p1 − p2 with Newcombe's hybrid score interval. */
export function newcombeDifference(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  z = Z95,
): { difference: number } & Interval {
  const p1 = n1 === 0 ? 0 : x1 / n1;
  const p2 = n2 === 0 ? 0 : x2 / n2;
  const a = wilson(x1, n1, z);
  const b = wilson(x2, n2, z);
  const difference = p1 - p2;
  return {
    difference,
    low: difference - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2),
    high: difference + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2),
  };
}

/**
 * p1 / p2 with the log method's 95% interval (Katz 1978; Altman, Statistics with Confidence):
 * exp(ln RR ± z·√(1/x1 − 1/n1 + 1/x2 − 1/n2)). Undefined (null) when either group has no success.
 */
export function riskRatio(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  z = Z95,
): ({ ratio: number } & Interval) | null {
  if (x1 === 0 || x2 === 0 || n1 === 0 || n2 === 0) return null;
  const ratio = x1 / n1 / (x2 / n2);
  const se = Math.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2);
  return { ratio, low: ratio * Math.exp(-z * se), high: ratio * Math.exp(z * se) };
}
