'use strict';

const { Op } = require('sequelize');
const { sequelize, Article } = require('../models');

function findBySlug(slug) {
  return Article.findOne({ where: { slug } });
}

function slugExists(slug) {
  return Article.count({ where: { slug } }).then((n) => n > 0);
}

/**
 * criteria: { authorIds?: string[], ids?: string[] } - each present criterion restricts the result.
 * Returns { rows, count } with count = total matching, rows = the requested page, newest first.
 */
async function search(criteria, { limit, offset }) {
  const where = {};
  if (criteria.authorIds) where.authorId = { [Op.in]: criteria.authorIds };
  if (criteria.ids) where.id = { [Op.in]: criteria.ids };
  return Article.findAndCountAll({
    where,
    order: [['createdAt', 'DESC'], ['id', 'DESC']],
    limit,
    offset,
  });
}

function transaction(work) {
  return sequelize.transaction(work);
}

function create(fields, t) {
  return Article.create(fields, { transaction: t });
}

function update(article, fields, t) {
  return article.update(fields, { transaction: t });
}

function destroy(article) {
  return article.destroy();
}

module.exports = { findBySlug, slugExists, search, transaction, create, update, destroy };
