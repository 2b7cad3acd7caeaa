// The screens' reads that are not traced unless asked (`QuietReadsSampler` of @pmo/telemetry): a program's
// compliance summary and pages, asked by every open dashboard. Apart from the bootstrap, as the entry point loads it first.
export const QUIET_READS = [/^\/programs\/[^/]+\/compliance\/(summary|rows)$/];
