// What a browser may import of the compliance rules: pure functions over counts, without the schemas' library.
export { rollUpCounts } from './compliance-rollup';
export { heatmapCellCounts } from './heatmap-cells';
