/** What `npm run dev-token -- …` was asked for. */
export type DevTokenRequest = { list: true } | { list: false; username: string; roles?: string[]; groups?: string[] };

const USAGE = 'usage: npm run -s dev-token -- <username> [--roles a,b] [--groups /x,/y] | --list';

/** Reads the command line; throws with the usage for anything it cannot read. */
export function parseDevTokenArgs(argv: readonly string[]): DevTokenRequest {
  if (argv.length === 1 && argv[0] === '--list') return { list: true };
  let username: string | undefined;
  const lists: { roles?: string[]; groups?: string[] } = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === '--roles' || flag === '--groups') {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`${flag} needs a comma-separated list\n${USAGE}`);
      lists[flag === '--roles' ? 'roles' : 'groups'] = value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
    } else if (argv[i].startsWith('-') || username !== undefined) {
      throw new Error(`unexpected argument ${argv[i]}\n${USAGE}`);
    } else {
      username = argv[i];
    }
  }
  if (!username) throw new Error(USAGE);
  return { list: false, username, ...lists };
}
