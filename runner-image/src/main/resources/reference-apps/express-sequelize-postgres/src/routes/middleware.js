'use strict';

const authService = require('../services/authService');
const errors = require('../services/errors');

/** Wraps an async handler so rejected promises reach the error handler. */
const asyncHandler = (fn) => (req, res, next) => Promise.resolve(fn(req, res, next)).catch(next);

/** Authentication is mandatory: 401 without a valid "Authorization: Token <jwt>". */
const requireAuth = asyncHandler(async (req, res, next) => {
  const auth = await authService.authenticate(req.get('Authorization'));
  if (!auth) throw errors.unauthorized();
  req.auth = auth;
  next();
});

/** Authentication is optional: anonymous without a header, 401 with an invalid one. */
const optionalAuth = asyncHandler(async (req, res, next) => {
  req.auth = await authService.authenticate(req.get('Authorization'));
  next();
});

/**
 * JSON body parser that tolerates empty bodies (treated as {}), whatever the Content-Type says.
 * Malformed JSON is a 422.
 */
function jsonBody(req, res, next) {
  if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method)) {
    req.body = {};
    return next();
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('error', next);
  req.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    if (text.trim() === '') {
      req.body = {};
      return next();
    }
    try {
      req.body = JSON.parse(text);
      return next();
    } catch (err) {
      return next(errors.validation('request body is not valid JSON'));
    }
  });
  return undefined;
}

module.exports = { asyncHandler, requireAuth, optionalAuth, jsonBody };
