// Background work of the infrastructure libs: loops woken after the commit that gave them work.
export { BatchLoop, type BatchLoopLogger } from './batch-loop';
export { CommitWake } from './commit-wake';
