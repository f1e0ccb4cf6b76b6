/**
 * Limits on statistics the files do not report move to the nearest statistic they do (docs/decisions.md).
 */
import { describe, expect, it } from 'vitest';
import { adaptToReportedStats, nearestReportedStat, reportedStats } from '../../../src/core/analysis/reportedStats.ts';
import type { ChartView } from '../../../src/core/model/scenario.ts';
import { point } from '../helpers.ts';

const view: ChartView = { x: { metric: 'ttft', stat: 'avg' }, y: 'requestsPerSecond', logX: false };
const onlyP99 = [
  point({ concurrency: 1, ttftMs: { p99: 180 }, itlMs: { p99: 30 } }),
  point({ concurrency: 2, ttftMs: { p99: 230 } }),
];

describe('reported statistics', () => {
  it('lists the statistics any point reports', () => {
    expect([...reportedStats(onlyP99, 'ttft')]).toEqual(['p99']);
    expect([...reportedStats(onlyP99, 'e2e')]).toEqual([]);
  });

  it('picks the nearest reported statistic, the higher one on a tie', () => {
    expect(nearestReportedStat('avg', new Set(['p99']))).toBe('p99');
    expect(nearestReportedStat('avg', new Set(['p99', 'p50']))).toBe('p50');
    expect(nearestReportedStat('p95', new Set(['p90', 'p99']))).toBe('p99'); // 5 from p90 and 4 from p99
    expect(nearestReportedStat('p50', new Set(['p25', 'p75']))).toBe('p75'); // a tie: the stricter reading
    expect(nearestReportedStat('p90', new Set(['p90', 'p99']))).toBe('p90');
    expect(nearestReportedStat('avg', new Set())).toBeUndefined();
  });

  it('moves a limit and the chart to p99 when the files have only p99, keeping the bound', () => {
    const adapted = adaptToReportedStats([{ metric: 'ttft', stat: 'avg', bound: 250 }], view, onlyP99);
    expect(adapted?.sla).toEqual([{ metric: 'ttft', stat: 'p99', bound: 250 }]);
    expect(adapted?.view.x).toEqual({ metric: 'ttft', stat: 'p99' });
    expect(adapted?.changes).toEqual([
      'TTFT avg is not in the loaded files: the limit now applies to TTFT p99, which they report.',
    ]);
  });

  it('leaves a limit alone when some file reports its statistic, or when nothing of that metric is reported', () => {
    const mixed = [...onlyP99, point({ concurrency: 4, ttftMs: { avg: 100 } })];
    expect(adaptToReportedStats([{ metric: 'ttft', stat: 'avg', bound: 250 }], view, mixed)).toBeNull();
    expect(
      adaptToReportedStats(
        [{ metric: 'e2e', stat: 'avg', bound: 9000 }],
        { ...view, x: { metric: 'e2e', stat: 'avg' } },
        onlyP99,
      ),
    ).toBeNull();
    expect(adaptToReportedStats([{ metric: 'ttft', stat: 'avg', bound: 250 }], view, [])).toBeNull();
  });
});

describe('nearest statistic: min, max and the chart alone', () => {
  it('places min at 0 and max at 100 on the distribution', () => {
    expect(nearestReportedStat('p99', new Set(['max', 'p50']))).toBe('max'); // 1 away, not 49
    expect(nearestReportedStat('p1', new Set(['min', 'p50']))).toBe('min');
    expect(nearestReportedStat('avg', new Set(['min', 'max']))).toBe('max'); // 50 from each: the higher
    expect(nearestReportedStat('avg', new Set(['max', 'min']))).toBe('max'); // whatever the order reported
    // avg and p50 share a place: the first stays.
    expect(nearestReportedStat('p90', new Set(['avg', 'p50']))).toBe('avg');
    expect(nearestReportedStat('p25', new Set(['p90', 'avg', 'p10']))).toBe('p10'); // 15 from p10, 25 from avg
    expect(nearestReportedStat('avg', new Set(['p50', 'avg']))).toBe('avg'); // p50 sits with avg, but avg is there
  });

  it('moves only the chart when the limits are reported', () => {
    const p99View: ChartView = { ...view, x: { metric: 'itl', stat: 'avg' } };
    const adapted = adaptToReportedStats([{ metric: 'ttft', stat: 'p99', bound: 250 }], p99View, onlyP99);
    expect(adapted).toEqual({
      sla: [{ metric: 'ttft', stat: 'p99', bound: 250 }],
      view: { ...p99View, x: { metric: 'itl', stat: 'p99' } },
      changes: [],
    });
  });

  it('moves two limits of one metric to the same statistic and says so for each', () => {
    const adapted = adaptToReportedStats(
      [
        { metric: 'ttft', stat: 'avg', bound: 250 },
        { metric: 'ttft', stat: 'p90', bound: 400 },
      ],
      { ...view, x: { metric: 'ttft', stat: 'p99' } },
      onlyP99,
    );
    expect(adapted?.sla).toEqual([
      { metric: 'ttft', stat: 'p99', bound: 250 },
      { metric: 'ttft', stat: 'p99', bound: 400 },
    ]);
    expect(adapted?.changes).toHaveLength(2);
    expect(adapted?.changes[1]).toBe(
      'TTFT p90 is not in the loaded files: the limit now applies to TTFT p99, which they report.',
    );
  });
});
