import { parseArgs } from 'node:util';

/**
 * One flag of a bench run: an integer (of at least `least`, 1 unless said), positive integers or names from a set
 * separated by commas, or a switch.
 */
export type BenchFlag =
  | { kind: 'integer'; default: number; least?: number }
  | { kind: 'integers'; default: readonly number[] }
  | { kind: 'names'; default: readonly string[]; of: readonly string[] }
  | { kind: 'switch' };

type ValueOf<F extends BenchFlag> = F extends { kind: 'integer' }
  ? number
  : F extends { kind: 'integers' }
    ? number[]
    : F extends { kind: 'names'; of: readonly (infer Name)[] }
      ? Name[]
      : boolean;

export type BenchFlagValues<Flags extends Record<string, BenchFlag>> = { [Name in keyof Flags]: ValueOf<Flags[Name]> };

const isPositiveInteger = (n: number) => Number.isInteger(n) && n > 0;

/**
 * Reads a bench's `--flag value` pairs (a switch alone) with node's own `parseArgs`, checks each value against its
 * flag, and throws naming every bad or unknown flag at once; a flag not given takes its default.
 */
export function benchFlagsFrom<const Flags extends Record<string, BenchFlag>>(argv: readonly string[], flags: Flags): BenchFlagValues<Flags> {
  const options = Object.fromEntries(Object.entries(flags).map(([name, flag]) => [name, { type: flag.kind === 'switch' ? 'boolean' : 'string' }] as const));
  // Not strict: parseArgs would stop at the first problem, and a run should be told all of them.
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const known = Object.keys(flags)
    .map((name) => `--${name}`)
    .join(', ');
  const values: Record<string, unknown> = Object.fromEntries(
    Object.entries(flags).map(([name, flag]) => [name, flag.kind === 'switch' ? false : Array.isArray(flag.default) ? [...flag.default] : flag.default]),
  );
  const problems: string[] = [];
  let afterUnknown = -1;
  for (const token of tokens) {
    if (token.kind === 'positional') {
      // The value of an unknown flag is not a second problem.
      if (token.index !== afterUnknown) problems.push(`unexpected argument ${token.value}`);
      continue;
    }
    if (token.kind !== 'option') continue;
    const flag = Object.hasOwn(flags, token.name) ? flags[token.name] : undefined;
    if (!flag) {
      problems.push(`unknown flag ${token.rawName} (known: ${known})`);
      afterUnknown = token.index + 1;
      continue;
    }
    const problem = readFlag(token.name, flag, token.value, values);
    if (problem) problems.push(problem);
  }
  if (problems.length) throw new Error(`Invalid arguments: ${problems.join('; ')}`);
  return values as BenchFlagValues<Flags>;
}

// Sets the flag's value in `values`, or says what is wrong with it.
function readFlag(name: string, flag: BenchFlag, value: string | undefined, values: Record<string, unknown>): string | undefined {
  if (flag.kind === 'switch') {
    if (value !== undefined) return `--${name} takes no value, got ${value}`;
    values[name] = true;
    return undefined;
  }
  const given = value ?? '';
  if (flag.kind === 'integer') {
    const number = Number(given);
    const least = flag.least ?? 1;
    if (given === '' || !Number.isInteger(number) || number < least)
      return least === 1 ? `--${name} must be a positive integer, got ${given}` : `--${name} must be an integer of at least ${least}, got ${given}`;
    values[name] = number;
  } else if (flag.kind === 'integers') {
    const numbers = given.split(',').map(Number);
    if (given === '' || !numbers.every(isPositiveInteger)) return `--${name} must be positive integers separated by commas, got ${given}`;
    values[name] = numbers;
  } else {
    const names = given.split(',');
    if (!names.every((n) => flag.of.includes(n))) return `--${name} must be ${flag.of.join(' and/or ')} separated by commas, got ${given}`;
    values[name] = names;
  }
  return undefined;
}
