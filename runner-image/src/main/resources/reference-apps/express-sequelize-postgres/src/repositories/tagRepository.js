'use strict';

const { Op } = require('sequelize');
const { Tag, ArticleTag } = require('../models');

async function findOrCreateAll(names, transaction) {
  const tags = [];
  for (const name of names) {
    await Tag.bulkCreate([{ name }], { ignoreDuplicates: true, transaction });
    tags.push(await Tag.findOne({ where: { name }, transaction }));
  }
  return tags;
}

async function setArticleTags(articleId, names, transaction) {
  const tags = await findOrCreateAll(names, transaction);
  await ArticleTag.destroy({ where: { articleId }, transaction });
  await ArticleTag.bulkCreate(
    tags.map((tag, position) => ({ articleId, tagId: tag.id, position })),
    { transaction },
  );
}

/** Map articleId -> [tag names] in the order they were given. */
async function namesFor(articleIds) {
  const result = new Map(articleIds.map((id) => [id, []]));
  if (articleIds.length === 0) return result;
  const rows = await ArticleTag.findAll({
    where: { articleId: { [Op.in]: articleIds } },
    include: [{ model: Tag, attributes: ['name'] }],
    order: [['articleId', 'ASC'], ['position', 'ASC']],
  });
  for (const row of rows) result.get(row.articleId).push(row.Tag.name);
  return result;
}

async function articleIdsWithTag(name) {
  const tag = await Tag.findOne({ where: { name } });
  if (!tag) return [];
  const rows = await ArticleTag.findAll({ where: { tagId: tag.id }, attributes: ['articleId'] });
  return rows.map((r) => r.articleId);
}

async function allNames() {
  const tags = await Tag.findAll({ order: [['name', 'ASC']] });
  return tags.map((t) => t.name);
}

module.exports = { setArticleTags, namesFor, articleIdsWithTag, allNames };
