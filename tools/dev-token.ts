/**
 * Issues a token for the embedded mode, with the claims Keycloak would give, signed by the key of the
 * embedded instance whose folder is PMO_EMBEDDED_DIR (default .pmo/embedded): a token is only valid there.
 *   npm run -s dev-token -- <username>                               a demo user of the realm file
 *   npm run -s dev-token -- <username> --roles a,b --groups /x,/y    any user name, with these roles and groups
 *   npm run -s dev-token -- --list                                   lists the demo users and their roles
 */
import { authSettingsFromEnv, demoUsersFromRealm, devUser, issueDevToken, readDevKeyPair } from '@pmo/auth';
import { join, resolve } from 'node:path';
import { parseDevTokenArgs, type DevTokenRequest } from './dev-token-args';

const root = resolve(__dirname, '..');
const users = demoUsersFromRealm(join(root, 'deploy', 'keycloak', 'pmo-realm.json'));

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

let request: DevTokenRequest;
try {
  request = parseDevTokenArgs(process.argv.slice(2));
} catch (error) {
  fail((error as Error).message);
}
if (request.list) {
  for (const user of users) process.stdout.write(`${user.username.padEnd(16)} ${user.roles.join(',').padEnd(22)} ${user.groups.join(',')}\n`);
  process.exit(0);
}
const demo = users.find((u) => u.username === request.username);
// Roles or groups given replace the demo user's; a name the realm file does not know needs its roles.
if (!demo && request.roles === undefined) {
  fail(`unknown demo user ${request.username}; give its roles (--roles a,b) or use one of: ${users.map((u) => u.username).join(', ')}`);
}
const user = devUser(request.username, request.roles ?? demo?.roles ?? [], request.groups ?? demo?.groups ?? []);
if (demo) Object.assign(user, { firstName: demo.firstName, lastName: demo.lastName, email: demo.email });

const keyDir = join(process.env.PMO_EMBEDDED_DIR ?? join(root, '.pmo', 'embedded'), 'keys');
const keys = readDevKeyPair(keyDir);
if (!keys)
  fail(`no signing key in ${keyDir}: start the embedded mode first (npm start), or set PMO_EMBEDDED_DIR to the folder of the instance the token is for`);
const auth = authSettingsFromEnv('pmo-web', process.env);
process.stdout.write(
  issueDevToken(user, keys, { keycloakUrl: auth.keycloakUrl, realm: auth.realm, audience: ['strategic-pmo', 'program-pmo', 'project-pmo'] }) + '\n',
);
