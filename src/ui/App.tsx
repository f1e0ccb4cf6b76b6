/**
 * The page, answer first: the recommendation with the demand and SLA inputs beside the chart (on a wide screen:
 * data | chart | answer and inputs; narrower, the answer comes first), then the cost-vs-SLA chart, the ranked
 * results, prices and definitions. Files dropped anywhere on the page are loaded.
 */
import { useRef } from 'react';
import { loadDemo } from '../store/loading.ts';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider.tsx';
import { ChartControls } from './chart/ChartControls.tsx';
import { LatencyThroughputChart } from './chart/LatencyThroughputChart.tsx';
import { SensitivityChart } from './chart/SensitivityChart.tsx';
import { GoodputChart } from './chart/GoodputChart.tsx';
import { ErrorBoundary } from './common/ErrorBoundary.tsx';
import { ChartExportButtons, TableExportButtons } from './export/ExportButtons.tsx';
import { ApiReferenceForm } from './forms/ApiReferenceForm.tsx';
import { DemandForm } from './forms/DemandForm.tsx';
import { HardwareForms } from './forms/HardwareForm.tsx';
import { Glossary } from './help/InfoTip.tsx';
import { Recommendation } from './results/Recommendation.tsx';
import { ResultsTable } from './results/ResultsTable.tsx';
import { PageDropTarget } from './common/PageDropTarget.tsx';
import { SeriesList } from './series/SeriesList.tsx';
import { SlaPanel } from './sla/SlaPanel.tsx';
import { Notices } from './toolbar/Notices.tsx';
import { Toolbar } from './toolbar/Toolbar.tsx';
import { DropZone } from './upload/DropZone.tsx';
import { LoadMessages } from './upload/LoadMessages.tsx';
import { MappingList } from './upload/MappingList.tsx';

export function App() {
  const store = useAppStoreApi();
  const origin = useAppStore((s) => s.origin);
  const clearData = useAppStore((s) => s.clearData);
  const hasData = useAppStore((s) => s.runs.length + s.embeddedPoints.length > 0);
  // What shows the data is mounted anew when the data is all removed: React keeps each component's previous render
  // (its alternate fiber) with the values it read, so the removed data set stayed reachable through a component
  // that only re-rendered empty.
  const dataKey = hasData ? 'data' : 'empty';
  const chartRef = useRef<HTMLElement>(null);
  return (
    <PageDropTarget>
      <header className="app__header">
        <div>
          <h1>LLM inference sizing &amp; TCO</h1>
          <p className="app__tagline">
            Benchmark sweep → SLA → servers → yearly cost.{' '}
            <span className="app__privacy">Files never leave this tab.</span>
          </p>
        </div>
        <Toolbar />
      </header>
      <Notices />
      <main className="app__main">
        <div className="app__decision">
          <ErrorBoundary area="recommendation">
            <Recommendation key={dataKey} />
          </ErrorBoundary>
          <DemandForm />
          <SlaPanel />
        </div>
        <section className="panel app__chart" aria-labelledby="chart-title" ref={chartRef}>
          <div className="panel__head">
            <h2 id="chart-title">Latency–throughput trade-off</h2>
            <ChartExportButtons chartRef={chartRef} />
          </div>
          <ChartControls />
          <ErrorBoundary area="chart">
            <LatencyThroughputChart key={dataKey} />
          </ErrorBoundary>
        </section>
        <aside className="app__data" aria-label="Benchmark data">
          <DropZone />
          <LoadMessages />
          <MappingList />
          <section className="panel" aria-labelledby="series-title">
            <h2 id="series-title" tabIndex={-1}>
              Configurations
            </h2>
            <SeriesList key={dataKey} />
            <div className="row">
              {origin !== 'demo' ? (
                <button type="button" onClick={() => void loadDemo(store)}>
                  Open the demo
                </button>
              ) : null}
              {hasData ? (
                <button type="button" className="link danger" onClick={clearData}>
                  Remove all data
                </button>
              ) : null}
            </div>
          </section>
        </aside>
        <div className="app__analysis">
          <ErrorBoundary area="goodput chart">
            <GoodputChart key={dataKey} />
          </ErrorBoundary>
          <ErrorBoundary area="results table">
            <ResultsTable key={dataKey} exportButtons={<TableExportButtons />} />
          </ErrorBoundary>
          <ErrorBoundary area="sensitivity chart">
            <SensitivityChart key={dataKey} />
          </ErrorBoundary>
          <div className="app__inputs">
            <HardwareForms />
            <ApiReferenceForm />
          </div>
          <Glossary />
        </div>
      </main>
    </PageDropTarget>
  );
}
