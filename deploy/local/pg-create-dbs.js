// Creates the per-service databases if they are missing. Used by deploy/local/up.
// Uses the `pg` driver from the repo's node_modules so no psql client is needed on the machine.
// usage: node pg-create-dbs.js <port> <password> <db>...
const path = require('path');
const { Client } = require(require.resolve('pg', { paths: [path.resolve(__dirname, '../..')] }));

async function main() {
  const [port, password, ...dbs] = process.argv.slice(2);
  const client = new Client({ host: '127.0.0.1', port: Number(port), user: 'postgres', password, database: 'postgres' });
  await client.connect();
  try {
    for (const db of dbs) {
      if (!/^[a-z_][a-z0-9_]*$/.test(db)) throw new Error(`bad database name ${db}`);
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
      if (rowCount === 0) {
        await client.query(`CREATE DATABASE ${db}`);
        console.log(`[pmo] created database ${db}`);
      }
    }
  } finally {
    await client.end();
  }
}
main().catch((err) => {
  console.error(`[pmo] ${err.message}`);
  process.exit(1);
});
