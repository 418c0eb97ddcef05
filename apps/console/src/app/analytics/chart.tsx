'use client';
import { useEffect, useRef } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import type { DataSet } from '../../lib/analytics';

/** The ECharts option for a data set: every number column a series, labels along the axis. */
function optionOf(set: DataSet): EChartsCoreOption {
  const labels = set.rows.map((r) => r[0]);
  const horizontal = set.chart === 'bar' && labels.some((l) => l.length > 8);
  const drawn = set.chartColumns ?? set.columns.slice(1);
  const series = drawn.map((name) => ({
    name,
    type: set.chart,
    data: set.rows.map((r) => r[set.columns.indexOf(name)]),
    ...(set.chart === 'line' ? { smooth: true } : {}),
    ...(set.stack?.[name] ? { stack: set.stack[name] } : {}),
  }));
  // Counts get whole-number ticks (a department with one reply showed 0.2, 0.4 …); rates keep fractional ones.
  const counts = series.every((s) => s.data.every((v) => v === null || v === undefined || Number.isInteger(Number(v))));
  const value = { type: 'value', ...(counts ? { minInterval: 1 } : {}) };
  const category = { type: 'category', data: horizontal ? [...labels].reverse() : labels, axisLabel: { width: 140, overflow: 'truncate' } };
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: horizontal ? series.map((s) => ({ ...s, data: [...s.data].reverse() })) : series,
  };
}

/** One ECharts chart; the numbers behind it are in the table beside it (screen readers read that). */
export function Chart({ set }: { set: DataSet }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let chart: EChartsType | undefined;
    let gone = false;
    const resize = () => chart?.resize();
    // ECharts (~180 KB gzip) loads after the page is shown: the tables beside the charts carry the numbers meanwhile.
    void import('./echarts-setup').then(({ init }) => {
      if (gone || !ref.current) return;
      chart = init(ref.current, undefined, { renderer: 'canvas' });
      chart.setOption(optionOf(set));
      window.addEventListener('resize', resize);
    });
    return () => {
      gone = true;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [set]);
  return <div ref={ref} className="chart" role="img" aria-label={`${set.title}（图表，数据见旁边的表格）`} />;
}
