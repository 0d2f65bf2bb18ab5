'use strict';

const commentRepository = require('../repositories/commentRepository');
const articleService = require('./articleService');
const profileService = require('./profileService');
const errors = require('./errors');
const { envelope, requireStrings } = require('./validation');

async function presentMany(comments, viewer) {
  const authors = await profileService.profilesFor(comments.map((c) => c.authorId), viewer);
  return comments.map((c) => ({
    id: c.id,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    body: c.body,
    author: authors.get(c.authorId),
  }));
}

async function list(slug, viewer) {
  const article = await articleService.findBySlug(slug);
  return presentMany(await commentRepository.findByArticle(article.id), viewer);
}

async function create(slug, payload, viewer) {
  const article = await articleService.findBySlug(slug);
  const input = envelope(payload, 'comment');
  requireStrings(input, ['body']);
  const comment = await commentRepository.create({ body: input.body, articleId: article.id, authorId: viewer.id });
  const [presented] = await presentMany([comment], viewer);
  return presented;
}

async function remove(slug, id, viewer) {
  const article = await articleService.findBySlug(slug);
  const commentId = Number(id);
  if (!Number.isInteger(commentId) || commentId <= 0 || commentId > 2147483647) throw errors.notFound('comment');
  const comment = await commentRepository.findById(commentId);
  if (!comment || comment.articleId !== article.id) throw errors.notFound('comment');
  if (comment.authorId !== viewer.id) throw errors.forbidden('only the author can delete this comment');
  await commentRepository.destroy(comment);
}

module.exports = { list, create, remove };
