import { HeatmapChart, type HeatmapSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  VisualMapComponent,
  type GridComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts of echarts this chart draws, so the page's bundle stays small.
use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);
type Option = ComposeOption<HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption>;

export interface HeatmapCell {
  programId: string;
  programLabel: string;
  standardKey: string;
  total: number;
  compliant: number;
  percent: number;
  /** Rows per compliance state, every state named. */
  byState: Record<string, number>;
}

// The states a cell holds rows in, for its tooltip: "3 adopted, 1 overdue".
const statesOf = (cell: HeatmapCell) =>
  Object.entries(cell.byState)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => `${n} ${state}`)
    .join(', ');

/**
 * Programs × standards, each cell the percent of project rows that comply. A click on a cell opens its rows;
 * the same roll-up is a grid on the page for keyboards and screen readers, so the chart itself is one image.
 */
// Past this many standards a cell is too narrow for its figure: the tooltip and the grid below still give it.
const MOST_LABELLED_STANDARDS = 15;

export function ComplianceHeatmap({ cells, onSelect, label }: { cells: HeatmapCell[]; onSelect: (cell: HeatmapCell) => void; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  const programs = [...new Map(cells.map((c) => [c.programId, c.programLabel])).entries()];
  const standards = [...new Set(cells.map((c) => c.standardKey))].sort();
  const height = Math.max(240, programs.length * 56 + 120);

  useEffect(() => {
    if (!element.current) return;
    const chart = init(element.current, undefined, { renderer: 'canvas' });
    const row = new Map(programs.map(([id], i) => [id, i]));
    const column = new Map(standards.map((key, i) => [key, i]));
    const option: Option = {
      // Drawn at once: the figures are the point, and an animation only delays the moment they can be read.
      animation: false,
      tooltip: {
        formatter: (params) => {
          const cell = cells[(params as { dataIndex: number }).dataIndex];
          return cell
            ? `${cell.programLabel} × ${cell.standardKey}<br/>${cell.compliant} of ${cell.total} compliant (${cell.percent}%)<br/>${statesOf(cell)}`
            : '';
        },
      },
      grid: { left: 8, right: 24, top: 16, bottom: 64, containLabel: true },
      xAxis: {
        type: 'category',
        data: standards,
        axisLabel: { interval: 0, rotate: standards.length > MOST_LABELLED_STANDARDS ? 60 : 20, fontSize: 13 },
        splitArea: { show: true },
      },
      yAxis: { type: 'category', inverse: true, data: programs.map(([, name]) => name), axisLabel: { fontSize: 13 }, splitArea: { show: true } },
      visualMap: {
        min: 0,
        max: 100,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        text: ['100% compliant', '0%'],
        inRange: { color: ['#c62828', '#f9a825', '#2e7d32'] },
      },
      series: [
        {
          type: 'heatmap',
          data: cells.map((c) => [column.get(c.standardKey) ?? 0, row.get(c.programId) ?? 0, c.percent]),
          label: {
            show: standards.length <= MOST_LABELLED_STANDARDS,
            formatter: (p) => `${(p.data as number[])[2]}%`,
            color: '#000',
            backgroundColor: '#fff',
            padding: [3, 5],
            borderRadius: 3,
            fontSize: 13,
          },
          emphasis: { itemStyle: { borderColor: '#000', borderWidth: 2 } },
        },
      ],
    };
    chart.setOption(option);
    chart.on('click', (params) => {
      const cell = cells[params.dataIndex];
      if (cell) select.current(cell);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
    // The chart is redrawn from scratch when the figures change; programs and standards derive from cells.
  }, [cells]);

  return <div ref={element} role="img" aria-label={label} data-testid="compliance-heatmap" style={{ width: '100%', height }} />;
}
