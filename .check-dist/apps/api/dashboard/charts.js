var __createBinding =
  (this && this.__createBinding) ||
  (Object.create
    ? (o, m, k, k2) => {
        if (k2 === undefined) k2 = k;
        var desc = Object.getOwnPropertyDescriptor(m, k);
        if (!desc || ('get' in desc ? !m.__esModule : desc.writable || desc.configurable)) {
          desc = { enumerable: true, get: () => m[k] };
        }
        Object.defineProperty(o, k2, desc);
      }
    : (o, m, k, k2) => {
        if (k2 === undefined) k2 = k;
        o[k2] = m[k];
      });
var __setModuleDefault =
  (this && this.__setModuleDefault) ||
  (Object.create
    ? (o, v) => {
        Object.defineProperty(o, 'default', { enumerable: true, value: v });
      }
    : (o, v) => {
        o['default'] = v;
      });
var __importStar =
  (this && this.__importStar) ||
  (() => {
    var ownKeys = (o) => {
      ownKeys =
        Object.getOwnPropertyNames ||
        ((o) => {
          var ar = [];
          for (var k in o) if (Object.hasOwn(o, k)) ar[ar.length] = k;
          return ar;
        });
      return ownKeys(o);
    };
    return (mod) => {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null)
        for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== 'default') __createBinding(result, mod, k[i]);
      __setModuleDefault(result, mod);
      return result;
    };
  })();
Object.defineProperty(exports, '__esModule', { value: true });
exports.CHART_HEIGHT = exports.CHART_WIDTH = void 0;
exports.renderSvg = renderSvg;
exports.categoryChart = categoryChart;
exports.funnelChart = funnelChart;
// Charts rendered on the server by Apache ECharts as SVG strings (its SSR mode): the page needs no
// script and fetches nothing. Each chart is a plain function of its figures.
const echarts = __importStar(require('echarts'));
// About a dashboard column's width at 1200 px, so text is drawn at its size there and shrinks
// only a little on a 375 px phone.
exports.CHART_WIDTH = 440;
exports.CHART_HEIGHT = 280;
/** One chart, rendered and disposed (a chart left open keeps a timer alive). */
function renderSvg(option, width = exports.CHART_WIDTH, height = exports.CHART_HEIGHT) {
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
/** Grouped bars (or lines) over categories, each value printed on its bar. */
function categoryChart(categories, series, opts = {}) {
  const format = (v) => (opts.percent ? `${Math.round(v * 1000) / 10}%` : `${v}`);
  return renderSvg({
    color: PALETTE,
    grid: GRID,
    legend: { ...LEGEND, data: series.map((s) => s.name) },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: {
      type: 'value',
      minInterval: opts.percent ? undefined : 1,
      ...(opts.percent && { max: 1, axisLabel: { formatter: (v) => format(v) } }),
    },
    series: series.map((s) => ({
      name: s.name,
      type: s.kind ?? 'bar',
      data: s.values,
      label: {
        show: categories.length <= MAX_LABELLED_CATEGORIES,
        position: 'top',
        formatter: ({ value }) => format(value),
      },
    })),
  });
}
/** Horizontal bars, first category on top: the funnel. */
function funnelChart(steps) {
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
//# sourceMappingURL=charts.js.map
