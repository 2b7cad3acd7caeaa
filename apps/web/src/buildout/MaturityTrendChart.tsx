import { LineChart, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { elementLabel, type MaturityTrend } from './buildout-api';

// Only the parts of echarts this chart draws, so the page's bundle stays small.
use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
type Option = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/**
 * The current maturity level of each element at each assessment (1–5). The same figures are a table beside
 * it for keyboards and screen readers, so the chart itself is one image.
 */
export function MaturityTrendChart({ trend, label }: { trend: MaturityTrend; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const dates = [...new Set(trend.elements.flatMap((e) => e.points.map((p) => p.assessedOn)))].sort();
    const chart = init(element.current, undefined, { renderer: 'canvas' });
    const option: Option = {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 24, top: 16, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: dates },
      yAxis: {
        type: 'value',
        min: 1,
        max: 5,
        interval: 1,
        axisLabel: { formatter: (level: number) => `${level} ${trend.scale.find((s) => s.level === level)?.name ?? ''}` },
      },
      series: trend.elements.map((e) => ({
        type: 'line',
        name: elementLabel(e.element),
        connectNulls: true,
        data: dates.map((date) => e.points.find((p) => p.assessedOn === date)?.currentLevel ?? null),
      })),
    };
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [trend]);
  return <div ref={element} role="img" aria-label={label} data-testid="maturity-trend" style={{ width: '100%', height: 320 }} />;
}
