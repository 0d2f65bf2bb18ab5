'use strict';

const express = require('express');
const { apiRouter } = require('./routes');
const { notFoundHandler, errorHandler } = require('./routes/errorHandler');

function createApp() {
  const app = express();
  app.disable('x-powered-by');
  app.use('/api', apiRouter());
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

module.exports = { createApp };
