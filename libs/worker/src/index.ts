// Mechanisms of batched work: loops woken after the commit that gave them work, and group commit.
export { BatchLoop, type BatchLoopLogger } from './batch-loop';
export { CommitWake } from './commit-wake';
export { GroupCommit } from './group-commit';
