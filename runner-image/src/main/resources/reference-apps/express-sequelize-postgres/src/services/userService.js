'use strict';

const userRepository = require('../repositories/userRepository');
const authService = require('./authService');
const errors = require('./errors');
const { envelope, requireStrings, optionalStrings } = require('./validation');

function present(user, token) {
  return {
    email: user.email,
    token,
    username: user.username,
    bio: user.bio,
    image: user.image,
  };
}

async function ensureUnique({ email, username }, selfId) {
  const problems = [];
  if (email !== undefined) {
    const existing = await userRepository.findByEmail(email);
    if (existing && existing.id !== selfId) problems.push('email has already been taken');
  }
  if (username !== undefined) {
    const existing = await userRepository.findByUsername(username);
    if (existing && existing.id !== selfId) problems.push('username has already been taken');
  }
  if (problems.length) throw errors.validation(problems);
}

async function register(payload) {
  const input = envelope(payload, 'user');
  requireStrings(input, ['username', 'email', 'password']);
  const username = input.username.trim();
  const email = input.email.trim();
  await ensureUnique({ email, username });
  const user = await userRepository.create({
    username,
    email,
    passwordHash: await authService.hashPassword(input.password),
    bio: null,
    image: null,
  });
  return present(user, authService.issueToken(user));
}

async function login(payload) {
  const input = envelope(payload, 'user');
  requireStrings(input, ['email', 'password']);
  const user = await userRepository.findByEmail(input.email.trim());
  if (!user || !(await authService.checkPassword(input.password, user.passwordHash))) {
    throw errors.unauthorized('email or password is invalid');
  }
  return present(user, authService.issueToken(user));
}

function current(auth) {
  return present(auth.user, auth.token);
}

async function update(auth, payload) {
  const input = envelope(payload, 'user');
  optionalStrings(input, ['email', 'username', 'password', 'bio', 'image'], { nullable: ['bio', 'image'] });
  const fields = {};
  if (input.email !== undefined) fields.email = input.email.trim();
  if (input.username !== undefined) fields.username = input.username.trim();
  if (input.bio !== undefined) fields.bio = input.bio;
  if (input.image !== undefined) fields.image = input.image;
  if (input.password !== undefined) fields.passwordHash = await authService.hashPassword(input.password);
  await ensureUnique({ email: fields.email, username: fields.username }, auth.user.id);
  const user = await userRepository.update(auth.user, fields);
  const token = fields.username ? authService.issueToken(user) : auth.token;
  return present(user, token);
}

module.exports = { register, login, current, update };
