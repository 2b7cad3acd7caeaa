/** The outcome of a rule check: ok, or a message that names the thing and what is wrong with it. */
export type CheckResult = { ok: true } | { ok: false; message: string };
