'use strict';

const { HttpError } = require('../services/errors');

function notFoundHandler(req, res) {
  res.status(404).json({ errors: { body: [`no route for ${req.method} ${req.path}`] } });
}

// eslint-disable-next-line no-unused-vars
function errorHandler(err, req, res, next) {
  if (err instanceof HttpError) {
    return res.status(err.status).json({ errors: { body: err.messages } });
  }
  console.error(err);
  return res.status(500).json({ errors: { body: ['internal server error'] } });
}

module.exports = { notFoundHandler, errorHandler };
