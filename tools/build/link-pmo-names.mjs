// `node tools/build/link-pmo-names.mjs <compiled tree>`: makes the @pmo/* names resolve in a compiled tree.
// tsc keeps the names of tsconfig.base.json's paths in require(); Node finds them through
// <tree>/node_modules/@pmo/<name>/index.js, written here for each library compiled into the tree. The
// services' production build runs it (so `node dist/apps/<service>/apps/<service>/src/main.js` runs as
// the image does), and so does the image build for its /app.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const [tree] = process.argv.slice(2);
if (!tree) throw new Error('usage: node tools/build/link-pmo-names.mjs <compiled tree>');
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { paths } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;
for (const [name, [source]] of Object.entries(paths)) {
  const compiled = join(tree, source.replace(/[.]ts$/, '.js'));
  if (!existsSync(compiled)) continue; // a library this tree does not use (testing, the browser client)
  const dir = join(tree, 'node_modules', name);
  mkdirSync(dir, { recursive: true });
  const target = relative(dir, compiled).split(sep).join('/');
  writeFileSync(join(dir, 'index.js'), `module.exports = require(${JSON.stringify(target)});\n`);
}
