'use strict';

const express = require('express');
const { jsonBody } = require('./middleware');
const { notFoundHandler, errorHandler } = require('./errorHandler');

/** The /api router: every endpoint of the Conduit contract. */
function apiRouter() {
  const router = express.Router();
  router.use(jsonBody);
  router.use(require('./health'));
  router.use(require('./users'));
  router.use(require('./profiles'));
  router.use(require('./articles'));
  router.use(require('./comments'));
  router.use(require('./tags'));
  router.use(notFoundHandler);
  router.use(errorHandler);
  return router;
}

module.exports = { apiRouter };
