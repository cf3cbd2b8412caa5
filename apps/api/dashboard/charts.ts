// Charts rendered on the server by Apache ECharts as SVG strings (its SSR mode): the page needs no
// script and fetches nothing. Each chart is a plain function of its figures.
import * as echarts from 'echarts';

// About a dashboard column's width at 1200 px, so text is drawn at its size there and shrinks
// only a little on a 375 px phone.
export const CHART_WIDTH = 440;
export const CHART_HEIGHT = 280;

type Option = Record<string, unknown>;

/** One chart, rendered and disposed (a chart left open keeps a timer alive). */
export function renderSvg(option: Option, width = CHART_WIDTH, height = CHART_HEIGHT): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'system-ui, sans-serif' }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const GRID = { left: 8, right: 8, top: 28, bottom: 40, containLabel: true };
/** More categories than this and the values are left to the table: printed on every bar they collide. */
const MAX_LABELLED_CATEGORIES = 8;
const LEGEND = { bottom: 0, itemGap: 16 };
const PALETTE = ['#3559c7', '#1f9d6b', '#c2410c', '#7c3aed'];

export interface Series {
  name: string;
  values: number[];
  kind?: 'bar' | 'line';
}

/** Grouped bars (or lines) over categories, each value printed on its bar. */
export function categoryChart(categories: string[], series: Series[], opts: { percent?: boolean } = {}): string {
  const format = (v: number) => (opts.percent ? `${Math.round(v * 1000) / 10}%` : `${v}`);
  return renderSvg({
    color: PALETTE,
    grid: GRID,
    legend: { ...LEGEND, data: series.map((s) => s.name) },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: {
      type: 'value',
      minInterval: opts.percent ? undefined : 1,
      ...(opts.percent && { max: 1, axisLabel: { formatter: (v: number) => format(v) } }),
    },
    series: series.map((s) => ({
      name: s.name,
      type: s.kind ?? 'bar',
      data: s.values,
      label: {
        show: categories.length <= MAX_LABELLED_CATEGORIES,
        position: 'top',
        formatter: ({ value }: { value: number }) => format(value),
      },
    })),
  });
}

/** Horizontal bars, first category on top: the funnel. */
export function funnelChart(steps: Array<{ name: string; value: number }>): string {
  const reversed = [...steps].reverse();
  return renderSvg({
    color: PALETTE,
    grid: { ...GRID, left: 16, right: 40, bottom: 16 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: reversed.map((s) => s.name) },
    series: [
      { name: 'Checkouts', type: 'bar', data: reversed.map((s) => s.value), label: { show: true, position: 'right' } },
    ],
  });
}
