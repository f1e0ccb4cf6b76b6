/**
 * Ways out of the app: the chart as PNG/SVG, the tables as CSV. Each carries its assumptions; the chart export
 * code is loaded only when first used.
 */
import type { RefObject } from 'react';
import { useState } from 'react';
import { xAxisTitle, yAxisTitle } from '../../core/analysis/projection.ts';
import { assumptionLines } from '../../core/export/assumptions.ts';
import { resultsCsv } from '../../core/export/csvTables.ts';
import { pointRecords, pointsCsv } from '../../core/report/pointsReport.ts';
import { selectResults, selectVisibleSeries } from '../../store/selectors.ts';
import { useAppStoreApi } from '../../store/StoreProvider.tsx';
import { downloadBlob, downloadText } from './download.ts';

/** Excel reads UTF-8 CSV correctly only with a byte-order mark. */
const BOM = '\uFEFF';

/** Caption line that explains the main chart's marks. */
const MAIN_CHART_LEGEND =
  'Rings: operating point of each configuration under the SLA. Hollow markers: load levels that fail the SLA. ' +
  'Dashed grey: Pareto front. Shaded: ruled out by the SLA line.';

interface ChartExportProps {
  chartRef: RefObject<HTMLElement | null>;
  /** Title drawn above the chart; default: the latency–throughput chart's axes. */
  title?: string;
  fileName?: string;
}

export function ChartExportButtons({ chartRef, title, fileName = 'llm-tco-chart' }: ChartExportProps) {
  const store = useAppStoreApi();
  const [busy, setBusy] = useState(false);
  const exportChart = async (format: 'png' | 'svg') => {
    const svg = chartRef.current?.querySelector<SVGSVGElement>('svg.recharts-surface');
    if (!svg) {
      store.getState().notify('error', 'There is no chart to export yet: load a benchmark first.');
      return;
    }
    setBusy(true);
    try {
      const { chartToSvg, svgToPng } = await import('./chartImage.ts');
      const { settings } = store.getState();
      const overlays = [...(chartRef.current?.querySelectorAll<SVGSVGElement>('svg.chart__overlay') ?? [])];
      const image = chartToSvg(
        svg,
        {
          title: title ?? `Latency–throughput: ${yAxisTitle(settings.view)} vs ${xAxisTitle(settings.view)}`,
          captionLines: [
            ...assumptionLines(settings, new Set(selectVisibleSeries(store.getState()).map((s) => s.hardwareId))),
            title === undefined ? MAIN_CHART_LEGEND : 'Dashed red: the limit in force.',
          ],
        },
        overlays,
      );
      if (format === 'svg') downloadText(image.svg, `${fileName}.svg`, 'image/svg+xml');
      else downloadBlob(await svgToPng(image, 2), `${fileName}.png`); // 2× pixel ratio: docs/architecture.md §Exports
    } catch (error) {
      store
        .getState()
        .notify('error', `The chart could not be exported: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      className="export-buttons"
      role="group"
      aria-label={`Export ${fileName === 'llm-tco-chart' ? 'chart' : fileName.replace('llm-tco-', '')}`}
    >
      <button type="button" disabled={busy} onClick={() => void exportChart('png')}>
        Export PNG
      </button>
      <button type="button" disabled={busy} onClick={() => void exportChart('svg')}>
        Export SVG
      </button>
    </div>
  );
}

export function TableExportButtons() {
  const store = useAppStoreApi();
  return (
    <div className="export-buttons" role="group" aria-label="Export tables">
      <button
        type="button"
        onClick={() =>
          downloadText(
            BOM + resultsCsv(selectResults(store.getState()), store.getState().settings),
            'llm-tco-results.csv',
            'text/csv;charset=utf-8',
          )
        }
      >
        Download results CSV
      </button>
      <button
        type="button"
        onClick={() =>
          downloadText(
            BOM + pointsCsv(pointRecords(selectVisibleSeries(store.getState()), store.getState().settings.sla)),
            'llm-tco-points.csv',
            'text/csv;charset=utf-8',
          )
        }
      >
        Download points CSV
      </button>
    </div>
  );
}
