'use strict';

const errors = require('./errors');

/** Returns payload[key] as an object, or throws 422. */
function envelope(payload, key) {
  const value = payload && typeof payload === 'object' ? payload[key] : undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw errors.validation(`${key} is required`);
  }
  return value;
}

function requireStrings(obj, fields) {
  const problems = [];
  for (const field of fields) {
    const v = obj[field];
    if (typeof v !== 'string' || v.trim() === '') problems.push(`${field} can't be blank`);
  }
  if (problems.length) throw errors.validation(problems);
}

function optionalStrings(obj, fields, { nullable = [] } = {}) {
  const problems = [];
  for (const field of fields) {
    if (!(field in obj)) continue;
    const v = obj[field];
    if (v === null && nullable.includes(field)) continue;
    if (typeof v !== 'string' || (!nullable.includes(field) && v.trim() === '')) {
      problems.push(`${field} must be a non-empty string`);
    }
  }
  if (problems.length) throw errors.validation(problems);
}

function pageParams(query) {
  const limit = query.limit === undefined ? 20 : Number(query.limit);
  const offset = query.offset === undefined ? 0 : Number(query.offset);
  const problems = [];
  if (!Number.isInteger(limit) || limit < 0) problems.push('limit must be a non-negative integer');
  if (!Number.isInteger(offset) || offset < 0) problems.push('offset must be a non-negative integer');
  if (problems.length) throw errors.validation(problems);
  return { limit: Math.min(limit, 1000), offset };
}

module.exports = { envelope, requireStrings, optionalStrings, pageParams };
