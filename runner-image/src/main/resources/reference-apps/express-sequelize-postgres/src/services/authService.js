'use strict';

const jwt = require('jsonwebtoken');
const bcrypt = require('bcryptjs');
const config = require('../config');
const userRepository = require('../repositories/userRepository');
const errors = require('./errors');

function hashPassword(password) {
  return bcrypt.hash(password, 10);
}

function checkPassword(password, hash) {
  return bcrypt.compare(password, hash);
}

function issueToken(user) {
  return jwt.sign({ id: user.id, username: user.username }, config.jwtSecret, {
    expiresIn: config.jwtExpiresIn,
  });
}

/** Parses "Token <jwt>" (or "Bearer <jwt>"); returns the raw token or null when absent. */
function extractToken(header) {
  if (!header) return null;
  const match = /^(Token|Bearer)\s+(\S+)\s*$/i.exec(header);
  if (!match) throw errors.unauthorized('malformed authorization header');
  return match[2];
}

/** Returns { user, token } for a valid header, null when no header, throws 401 otherwise. */
async function authenticate(header) {
  const token = extractToken(header);
  if (!token) return null;
  let payload;
  try {
    payload = jwt.verify(token, config.jwtSecret);
  } catch (err) {
    throw errors.unauthorized('invalid token');
  }
  const user = await userRepository.findById(payload.id);
  if (!user) throw errors.unauthorized('unknown user');
  return { user, token };
}

module.exports = { hashPassword, checkPassword, issueToken, authenticate };
