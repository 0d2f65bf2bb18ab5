'use strict';

const crypto = require('crypto');
const articleRepository = require('../repositories/articleRepository');
const userRepository = require('../repositories/userRepository');
const followRepository = require('../repositories/followRepository');
const favoriteRepository = require('../repositories/favoriteRepository');
const tagRepository = require('../repositories/tagRepository');
const profileService = require('./profileService');
const errors = require('./errors');
const { envelope, requireStrings, optionalStrings, pageParams } = require('./validation');

function slugify(title) {
  const base = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return base || 'article';
}

async function uniqueSlug(title) {
  const base = slugify(title);
  // "feed" would be shadowed by GET /articles/feed.
  if (base !== 'feed' && !(await articleRepository.slugExists(base))) return base;
  for (;;) {
    const candidate = `${base}-${crypto.randomBytes(4).toString('hex')}`;
    if (!(await articleRepository.slugExists(candidate))) return candidate;
  }
}

/** Turns article rows into API objects, as seen by viewer (may be null). */
async function presentMany(articles, viewer) {
  const ids = articles.map((a) => a.id);
  const [tags, counts, authors, favorited] = await Promise.all([
    tagRepository.namesFor(ids),
    favoriteRepository.countsFor(ids),
    profileService.profilesFor(articles.map((a) => a.authorId), viewer),
    viewer ? favoriteRepository.articleIdsFavoritedBy(viewer.id) : Promise.resolve([]),
  ]);
  const favoritedSet = new Set(favorited);
  return articles.map((a) => ({
    slug: a.slug,
    title: a.title,
    description: a.description,
    body: a.body,
    tagList: tags.get(a.id) || [],
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    favorited: favoritedSet.has(a.id),
    favoritesCount: counts.get(a.id) || 0,
    author: authors.get(a.authorId),
  }));
}

async function presentOne(article, viewer) {
  const [one] = await presentMany([article], viewer);
  return one;
}

function intersect(current, ids) {
  if (current === undefined) return ids;
  const keep = new Set(ids);
  return current.filter((id) => keep.has(id));
}

async function list(query, viewer) {
  const page = pageParams(query);
  const criteria = {};
  if (query.author !== undefined) {
    const author = await userRepository.findByUsername(String(query.author));
    criteria.authorIds = author ? [author.id] : [];
  }
  if (query.favorited !== undefined) {
    const fan = await userRepository.findByUsername(String(query.favorited));
    criteria.ids = intersect(criteria.ids, fan ? await favoriteRepository.articleIdsFavoritedBy(fan.id) : []);
  }
  if (query.tag !== undefined) {
    criteria.ids = intersect(criteria.ids, await tagRepository.articleIdsWithTag(String(query.tag)));
  }
  const { rows, count } = await articleRepository.search(criteria, page);
  return { articles: await presentMany(rows, viewer), articlesCount: count };
}

async function feed(query, viewer) {
  const page = pageParams(query);
  const authorIds = await followRepository.followedIds(viewer.id);
  const { rows, count } = await articleRepository.search({ authorIds }, page);
  return { articles: await presentMany(rows, viewer), articlesCount: count };
}

async function findBySlug(slug) {
  const article = await articleRepository.findBySlug(slug);
  if (!article) throw errors.notFound('article');
  return article;
}

async function get(slug, viewer) {
  return presentOne(await findBySlug(slug), viewer);
}

function normaliseTags(tagList) {
  if (tagList === undefined || tagList === null) return [];
  if (!Array.isArray(tagList) || tagList.some((t) => typeof t !== 'string')) {
    throw errors.validation('tagList must be an array of strings');
  }
  return [...new Set(tagList.map((t) => t.trim()).filter((t) => t !== ''))];
}

async function create(payload, viewer) {
  const input = envelope(payload, 'article');
  requireStrings(input, ['title', 'description', 'body']);
  const tagList = normaliseTags(input.tagList);
  const slug = await uniqueSlug(input.title);
  const article = await articleRepository.transaction(async (t) => {
    const created = await articleRepository.create({
      slug,
      title: input.title,
      description: input.description,
      body: input.body,
      authorId: viewer.id,
    }, t);
    await tagRepository.setArticleTags(created.id, tagList, t);
    return created;
  });
  return presentOne(article, viewer);
}

async function update(slug, payload, viewer) {
  const article = await findBySlug(slug);
  if (article.authorId !== viewer.id) throw errors.forbidden('only the author can edit this article');
  const input = envelope(payload, 'article');
  optionalStrings(input, ['title', 'description', 'body']);
  const fields = {};
  for (const key of ['title', 'description', 'body']) {
    if (input[key] !== undefined) fields[key] = input[key];
  }
  if (fields.title !== undefined && fields.title !== article.title) {
    fields.slug = await uniqueSlug(fields.title);
  }
  const tagList = input.tagList !== undefined ? normaliseTags(input.tagList) : undefined;
  await articleRepository.transaction(async (t) => {
    await articleRepository.update(article, fields, t);
    if (tagList !== undefined) await tagRepository.setArticleTags(article.id, tagList, t);
  });
  return presentOne(article, viewer);
}

async function remove(slug, viewer) {
  const article = await findBySlug(slug);
  if (article.authorId !== viewer.id) throw errors.forbidden('only the author can delete this article');
  await articleRepository.destroy(article);
}

async function favorite(slug, viewer) {
  const article = await findBySlug(slug);
  await favoriteRepository.add(viewer.id, article.id);
  return presentOne(article, viewer);
}

async function unfavorite(slug, viewer) {
  const article = await findBySlug(slug);
  await favoriteRepository.remove(viewer.id, article.id);
  return presentOne(article, viewer);
}

module.exports = { list, feed, get, create, update, remove, favorite, unfavorite, findBySlug };
