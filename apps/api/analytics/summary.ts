// The summary, funnel and daily figures assembled from the SQL aggregates (a few rows each), with
// the holdout comparison. Amounts are per currency: one currency is reported in the main figures
// (`currency`), every currency in `revenueByCurrency`; counts cover every currency.
import type { CreditRow, DailyRow, GroupTotals, ReasonRow, StageRow } from '../../../storage/analytics-store';
import { newcombeDifference, riskRatio } from './lift';

export const NOT_ENOUGH_DATA = 'not enough data yet';

export interface GroupFigures {
  checkouts: number;
  ordered: number;
  rate: number;
}

export interface HoldoutComparison {
  treated: GroupFigures;
  control: GroupFigures;
  /** Treated minus control conversion (absolute); null below the minimum sample. */
  lift: number | null;
  /** lift / control rate; null below the minimum sample or with a control rate of 0. */
  relativeLift: number | null;
  /** 95% interval of `relativeLift` (the rate ratio's log method, minus 1); null when either group has no order. */
  relativeLiftCI: [number, number] | null;
  /** 95% interval of `lift` (Newcombe's hybrid score method); null below the minimum sample. */
  liftCI: [number, number] | null;
  /** Revenue per treated checkout above the control's, times the treated checkouts (in `currency`). */
  incrementalRevenue: number | null;
  verdict: 'lift' | 'no measurable lift' | 'negative lift' | typeof NOT_ENOUGH_DATA;
  minSample: number;
}

export interface CreditFigures {
  sent: number;
  clicked: number;
  recovered: number;
  revenue: number;
}

export interface CurrencyRevenue {
  currency: string;
  recoveredRevenue: number;
  clickRecoveredRevenue: number;
  incrementalRevenue: number | null;
}

export interface Summary {
  from: string;
  to: string;
  attributionWindow: string;
  checkouts: number;
  reminded: number;
  clicked: number;
  recovered: number;
  recoveryRate: number;
  recoveredRevenue: number;
  currency: string | null;
  clickRecovered: number;
  clickRecoveredRevenue: number;
  revenueByCurrency: CurrencyRevenue[];
  byStep: Array<{ step: number } & CreditFigures>;
  byChannel: Array<{ channel: string } & CreditFigures>;
  byReason: ReasonRow[];
  holdout: HoldoutComparison;
}

const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((n, r) => n + f(r), 0);
const rate = (x: number, n: number) => (n === 0 ? 0 : x / n);
const money = (n: number) => Math.round(n * 100) / 100;

/** The currency with the most checkouts (ties: alphabetical), unless one was asked for. */
export function reportCurrency(totals: GroupTotals[], asked?: string): string | null {
  if (asked) return asked;
  const counts = new Map<string, number>();
  for (const t of totals) counts.set(t.currency, (counts.get(t.currency) ?? 0) + t.checkouts);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

export function holdoutComparison(
  totals: GroupTotals[],
  currency: string | null,
  minSample: number,
): HoldoutComparison {
  const group = (holdout: boolean): GroupFigures => {
    const rows = totals.filter((t) => t.holdout === holdout);
    const checkouts = sum(rows, (t) => t.checkouts);
    const ordered = sum(rows, (t) => t.ordered);
    return { checkouts, ordered, rate: rate(ordered, checkouts) };
  };
  const treated = group(false);
  const control = group(true);
  const base = { treated, control, minSample };
  if (treated.checkouts < minSample || control.checkouts < minSample) {
    return {
      ...base,
      lift: null,
      relativeLift: null,
      relativeLiftCI: null,
      liftCI: null,
      incrementalRevenue: null,
      verdict: NOT_ENOUGH_DATA,
    };
  }
  const d = newcombeDifference(treated.ordered, treated.checkouts, control.ordered, control.checkouts);
  const ratio = riskRatio(treated.ordered, treated.checkouts, control.ordered, control.checkouts);
  return {
    ...base,
    lift: d.difference,
    relativeLift: control.rate > 0 ? d.difference / control.rate : null,
    relativeLiftCI: ratio ? [ratio.low - 1, ratio.high - 1] : null,
    liftCI: [d.low, d.high],
    incrementalRevenue: currency === null ? null : incrementalRevenue(totals, currency),
    verdict: d.low > 0 ? 'lift' : d.high < 0 ? 'negative lift' : 'no measurable lift',
  };
}

/** (Revenue per treated checkout − per control checkout) × treated checkouts, in one currency. */
function incrementalRevenue(totals: GroupTotals[], currency: string): number | null {
  const t = totals.find((r) => !r.holdout && r.currency === currency);
  const c = totals.find((r) => r.holdout && r.currency === currency);
  if (!t || !c || t.checkouts === 0 || c.checkouts === 0) return null;
  return money((t.orderRevenue / t.checkouts - c.orderRevenue / c.checkouts) * t.checkouts);
}

function credit<K extends string>(rows: CreditRow[], currency: string | null, name: K) {
  const keys = [...new Set(rows.map((r) => r.key))];
  return keys.map((key) => {
    const mine = rows.filter((r) => r.key === key);
    return {
      [name]: key,
      sent: sum(mine, (r) => r.sent),
      clicked: sum(mine, (r) => r.clicked),
      recovered: sum(mine, (r) => r.recovered),
      revenue: money(
        sum(
          mine.filter((r) => r.currency === currency),
          (r) => r.revenue,
        ),
      ),
    } as { [P in K]: string } & CreditFigures;
  });
}

export interface SummaryParts {
  range: { from: Date; to: Date };
  attributionWindow: string;
  askedCurrency?: string;
  minSample: number;
  totals: GroupTotals[];
  steps: CreditRow[];
  channels: CreditRow[];
  reasons: ReasonRow[];
}

export function buildSummary(p: SummaryParts): Summary {
  const treated = p.totals.filter((t) => !t.holdout);
  const currency = reportCurrency(p.totals, p.askedCurrency);
  const inCurrency = treated.filter((t) => t.currency === currency);
  const currencies = [...new Set(p.totals.map((t) => t.currency))].sort();
  const treatedCheckouts = sum(treated, (t) => t.checkouts);
  const recovered = sum(treated, (t) => t.recovered);
  return {
    from: p.range.from.toISOString(),
    to: p.range.to.toISOString(),
    attributionWindow: p.attributionWindow,
    checkouts: sum(p.totals, (t) => t.checkouts),
    reminded: sum(treated, (t) => t.reminded),
    clicked: sum(treated, (t) => t.clicked),
    recovered,
    recoveryRate: rate(recovered, treatedCheckouts),
    recoveredRevenue: money(sum(inCurrency, (t) => t.recoveredRevenue)),
    currency,
    clickRecovered: sum(treated, (t) => t.clickRecovered),
    clickRecoveredRevenue: money(sum(inCurrency, (t) => t.clickRecoveredRevenue)),
    revenueByCurrency: currencies.map((c) => {
      const mine = treated.filter((t) => t.currency === c);
      return {
        currency: c,
        recoveredRevenue: money(sum(mine, (t) => t.recoveredRevenue)),
        clickRecoveredRevenue: money(sum(mine, (t) => t.clickRecoveredRevenue)),
        incrementalRevenue: holdoutComparison(
          p.totals.filter((t) => t.currency === c),
          c,
          p.minSample,
        ).incrementalRevenue,
      };
    }),
    byStep: credit(p.steps, currency, 'step')
      .map(({ step, ...rest }) => ({ step: Number(step), ...rest }))
      .sort((a, b) => a.step - b.step),
    byChannel: credit(p.channels, currency, 'channel'),
    byReason: p.reasons,
    holdout: holdoutComparison(p.totals, currency, p.minSample),
  };
}

export const FUNNEL_STAGES = ['contact', 'address', 'shipping', 'payment', 'ordered'] as const;

export interface Funnel {
  from: string;
  to: string;
  checkouts: number;
  steps: Array<{ step: (typeof FUNNEL_STAGES)[number]; checkouts: number; dropOff: number; dropOffRate: number }>;
}

/** Checkouts that reached each stage (or a later one), and how many the stage lost from the one before. */
export function buildFunnel(range: { from: Date; to: Date }, stages: StageRow[]): Funnel {
  const total = sum(stages, (s) => s.checkouts);
  let previous = total;
  const steps = FUNNEL_STAGES.map((step, i) => {
    const reached = sum(
      stages.filter((s) => s.stage >= i + 1),
      (s) => s.checkouts,
    );
    const dropOff = previous - reached;
    const row = { step, checkouts: reached, dropOff, dropOffRate: rate(dropOff, previous) };
    previous = reached;
    return row;
  });
  return { from: range.from.toISOString(), to: range.to.toISOString(), checkouts: total, steps };
}

export interface DailyFigures {
  day: string;
  checkouts: number;
  reminded: number;
  clicked: number;
  recovered: number;
  recoveredRevenue: number;
  treated: GroupFigures;
  control: GroupFigures;
}

export interface Daily {
  from: string;
  to: string;
  currency: string | null;
  days: DailyFigures[];
}

export function buildDaily(range: { from: Date; to: Date }, rows: DailyRow[], askedCurrency?: string): Daily {
  const currency = reportCurrency(rows, askedCurrency);
  const days = [...new Set(rows.map((r) => r.day))].sort();
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    currency,
    days: days.map((day) => {
      const mine = rows.filter((r) => r.day === day);
      const treated = mine.filter((r) => !r.holdout);
      const group = (rs: DailyRow[]): GroupFigures => {
        const checkouts = sum(rs, (r) => r.checkouts);
        const ordered = sum(rs, (r) => r.ordered);
        return { checkouts, ordered, rate: rate(ordered, checkouts) };
      };
      return {
        day,
        checkouts: sum(mine, (r) => r.checkouts),
        reminded: sum(treated, (r) => r.reminded),
        clicked: sum(treated, (r) => r.clicked),
        recovered: sum(treated, (r) => r.recovered),
        recoveredRevenue: money(
          sum(
            treated.filter((r) => r.currency === currency),
            (r) => r.recoveredRevenue,
          ),
        ),
        treated: group(treated),
        control: group(mine.filter((r) => r.holdout)),
      };
    }),
  };
}
