// The analytics as CSV (Accept: text/csv), for a spreadsheet: one header row, RFC 4180 quoting.
import type { Daily, Funnel, Summary } from './summary';

type Cell = string | number | boolean | null | undefined;

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  // A text cell a spreadsheet would run as a formula is quoted as text.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const toCsv = (header: string[], rows: Cell[][]) =>
  `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;

/** One row per figure: section, key (step, channel, reason, group), metric, value. */
export function summaryCsv(s: Summary): string {
  const rows: Cell[][] = [];
  for (const metric of ['checkouts', 'reminded', 'clicked', 'recovered', 'recoveryRate', 'recoveredRevenue'] as const)
    rows.push(['total', '', metric, s[metric]]);
  rows.push(['total', '', 'currency', s.currency]);
  rows.push(
    ['total', '', 'clickRecovered', s.clickRecovered],
    ['total', '', 'clickRecoveredRevenue', s.clickRecoveredRevenue],
  );
  for (const r of s.revenueByCurrency) {
    rows.push(['currency', r.currency, 'recoveredRevenue', r.recoveredRevenue]);
    rows.push(['currency', r.currency, 'incrementalRevenue', r.incrementalRevenue]);
  }
  for (const r of s.byStep)
    for (const m of ['sent', 'clicked', 'recovered', 'revenue'] as const) rows.push(['step', r.step, m, r[m]]);
  for (const r of s.byChannel)
    for (const m of ['sent', 'clicked', 'recovered', 'revenue'] as const) rows.push(['channel', r.channel, m, r[m]]);
  for (const r of s.byReason)
    for (const m of ['checkouts', 'recovered'] as const) rows.push(['reason', r.reason, m, r[m]]);
  const h = s.holdout;
  for (const g of ['treated', 'control'] as const)
    for (const m of ['checkouts', 'ordered', 'rate'] as const) rows.push(['holdout', g, m, h[g][m]]);
  rows.push(
    ['holdout', '', 'lift', h.lift],
    ['holdout', '', 'liftLow', h.liftCI?.[0]],
    ['holdout', '', 'liftHigh', h.liftCI?.[1]],
    ['holdout', '', 'relativeLiftLow', h.relativeLiftCI?.[0]],
    ['holdout', '', 'relativeLiftHigh', h.relativeLiftCI?.[1]],
  );
  rows.push(['holdout', '', 'incrementalRevenue', h.incrementalRevenue], ['holdout', '', 'verdict', h.verdict]);
  return toCsv(['section', 'key', 'metric', 'value'], rows);
}

export const funnelCsv = (f: Funnel) =>
  toCsv(
    ['step', 'checkouts', 'dropOff', 'dropOffRate'],
    f.steps.map((s) => [s.step, s.checkouts, s.dropOff, s.dropOffRate]),
  );

export const dailyCsv = (d: Daily) =>
  toCsv(
    [
      'day',
      'checkouts',
      'reminded',
      'clicked',
      'recovered',
      'recoveredRevenue',
      'currency',
      'treatedCheckouts',
      'treatedOrdered',
      'controlCheckouts',
      'controlOrdered',
    ],
    d.days.map((r) => [
      r.day,
      r.checkouts,
      r.reminded,
      r.clicked,
      r.recovered,
      r.recoveredRevenue,
      d.currency,
      r.treated.checkouts,
      r.treated.ordered,
      r.control.checkouts,
      r.control.ordered,
    ]),
  );
