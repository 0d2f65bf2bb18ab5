'use strict';

module.exports = {
  port: Number(process.env.PORT || 3000),
  host: '0.0.0.0',
  jwtSecret: process.env.JWT_SECRET || 'conduit-reference-secret',
  jwtExpiresIn: '7d',
  db: {
    url: process.env.DATABASE_URL || null,
    host: process.env.DB_HOST || 'postgres',
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USER || 'user',
    password: process.env.DB_PASSWORD || 'password',
    name: process.env.DB_NAME || 'conduit',
  },
};
