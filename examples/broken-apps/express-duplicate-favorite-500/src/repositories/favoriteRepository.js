'use strict';

const { Op, fn, col } = require('sequelize');
const { Favorite } = require('../models');

async function add(userId, articleId) {
  await Favorite.create({ userId, articleId });
}

async function remove(userId, articleId) {
  await Favorite.destroy({ where: { userId, articleId } });
}

/** Ids of the articles favourited by userId. */
async function articleIdsFavoritedBy(userId) {
  const rows = await Favorite.findAll({ where: { userId }, attributes: ['articleId'] });
  return rows.map((r) => r.articleId);
}

/** Map articleId -> number of favourites. */
async function countsFor(articleIds) {
  const counts = new Map();
  if (articleIds.length === 0) return counts;
  const rows = await Favorite.findAll({
    where: { articleId: { [Op.in]: articleIds } },
    attributes: ['articleId', [fn('COUNT', col('userId')), 'count']],
    group: ['articleId'],
    raw: true,
  });
  for (const row of rows) counts.set(row.articleId, Number(row.count));
  return counts;
}

module.exports = { add, remove, articleIdsFavoritedBy, countsFor };
