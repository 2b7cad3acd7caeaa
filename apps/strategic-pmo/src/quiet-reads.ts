// The screens' reads that are not traced unless asked (`QuietReadsSampler` of @pmo/telemetry): the portfolio's
// compliance summary, heatmap and pages, asked by every open dashboard. Apart from the bootstrap, as the entry point loads it first.
export const QUIET_READS = [/^\/portfolio\/compliance\/(summary|heatmap|rows)$/];
