/**
 * Issues a token for a demo user of the embedded mode, with the claims Keycloak would give it.
 *   npm run dev-token -- <username>     prints the token
 *   npm run dev-token -- --list         lists the demo users and their roles
 */
import { authSettingsFromEnv, demoUsersFromRealm, issueDevToken, loadOrCreateDevKeyPair } from '@pmo/auth';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const users = demoUsersFromRealm(join(root, 'deploy', 'keycloak', 'pmo-realm.json'));
const argument = process.argv[2];

if (!argument || argument === '--list') {
  for (const user of users) process.stdout.write(`${user.username.padEnd(16)} ${user.roles.join(',').padEnd(22)} ${user.groups.join(',')}\n`);
  process.exit(argument ? 0 : 1);
}
const user = users.find((u) => u.username === argument);
if (!user) {
  process.stderr.write(`unknown demo user ${argument}; known: ${users.map((u) => u.username).join(', ')}\n`);
  process.exit(1);
}
const keys = loadOrCreateDevKeyPair(join(process.env.PMO_EMBEDDED_DIR ?? join(root, '.pmo', 'embedded'), 'keys'));
const auth = authSettingsFromEnv('pmo-web', process.env);
process.stdout.write(
  issueDevToken(user, keys, { keycloakUrl: auth.keycloakUrl, realm: auth.realm, audience: ['strategic-pmo', 'program-pmo', 'project-pmo'] }) + '\n',
);
