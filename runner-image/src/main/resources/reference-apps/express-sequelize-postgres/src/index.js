'use strict';

const config = require('./config');
const database = require('./repositories/database');
const { createApp } = require('./app');

async function main() {
  await database.connect();
  await database.createSchema();
  const app = createApp();
  const server = app.listen(config.port, config.host, () => {
    console.log(`Conduit API listening on http://${config.host}:${config.port}/api`);
  });
  const shutdown = () => server.close(() => process.exit(0));
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err) => {
  console.error('failed to start:', err);
  process.exit(1);
});
