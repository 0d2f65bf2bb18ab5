'use strict';

const { Comment } = require('../models');

function findByArticle(articleId) {
  return Comment.findAll({ where: { articleId }, order: [['createdAt', 'DESC'], ['id', 'DESC']] });
}

function findById(id) {
  return Comment.findByPk(id);
}

function create(fields) {
  return Comment.create(fields);
}

function destroy(comment) {
  return comment.destroy();
}

module.exports = { findByArticle, findById, create, destroy };
