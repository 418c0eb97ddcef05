'use client';
import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { DataSet } from '../../lib/analytics';

// Only the parts these charts use (tree-shaken), and only on the analytics route.
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The ECharts option for a data set: every number column a series, labels along the axis. */
function optionOf(set: DataSet): EChartsCoreOption {
  const labels = set.rows.map((r) => r[0]);
  const horizontal = set.chart === 'bar' && labels.some((l) => l.length > 8);
  const series = set.columns.slice(1).map((name, i) => ({
    name,
    type: set.chart,
    data: set.rows.map((r) => r[i + 1]),
    ...(set.chart === 'line' ? { smooth: true } : {}),
  }));
  const category = { type: 'category', data: horizontal ? [...labels].reverse() : labels, axisLabel: { width: 140, overflow: 'truncate' } };
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: horizontal ? { type: 'value' } : category,
    yAxis: horizontal ? category : { type: 'value' },
    series: horizontal ? series.map((s) => ({ ...s, data: [...s.data].reverse() })) : series,
  };
}

/** One ECharts chart; the numbers behind it are in the table beside it (screen readers read that). */
export function Chart({ set }: { set: DataSet }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption(optionOf(set));
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [set]);
  return <div ref={ref} className="chart" role="img" aria-label={`${set.title}（图表，数据见旁边的表格）`} />;
}
