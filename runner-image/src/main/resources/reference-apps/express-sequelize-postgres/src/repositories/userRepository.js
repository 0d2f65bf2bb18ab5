'use strict';

const { Op } = require('sequelize');
const { User } = require('../models');

function findById(id) {
  return User.findByPk(id);
}

function findByEmail(email) {
  return User.findOne({ where: { email } });
}

function findByUsername(username) {
  return User.findOne({ where: { username } });
}

function findByIds(ids) {
  if (ids.length === 0) return Promise.resolve([]);
  return User.findAll({ where: { id: { [Op.in]: ids } } });
}

function create(fields) {
  return User.create(fields);
}

async function update(user, fields) {
  return user.update(fields);
}

module.exports = { findById, findByEmail, findByUsername, findByIds, create, update };
