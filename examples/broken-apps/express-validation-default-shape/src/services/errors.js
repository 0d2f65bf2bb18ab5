'use strict';

class HttpError extends Error {
  constructor(status, messages) {
    const list = Array.isArray(messages) ? messages : [messages];
    super(list.join('; '));
    this.status = status;
    this.messages = list;
  }
}

const validation = (messages) => new HttpError(400, messages);
const unauthorized = (message = 'missing or invalid authorization token') => new HttpError(401, message);
const forbidden = (message = 'forbidden') => new HttpError(403, message);
const notFound = (what) => new HttpError(404, `${what} not found`);

module.exports = { HttpError, validation, unauthorized, forbidden, notFound };
