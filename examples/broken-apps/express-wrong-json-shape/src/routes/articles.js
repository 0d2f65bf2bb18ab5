'use strict';

const express = require('express');
const articleService = require('../services/articleService');
const { asyncHandler, requireAuth, optionalAuth } = require('./middleware');

const router = express.Router();
const viewer = (req) => (req.auth ? req.auth.user : null);

router.get('/articles', optionalAuth, asyncHandler(async (req, res) => {
  const { articles } = await articleService.list(req.query, viewer(req));
  res.json({ articles });
}));

router.get('/articles/feed', requireAuth, asyncHandler(async (req, res) => {
  const { articles } = await articleService.feed(req.query, viewer(req));
  res.json({ articles });
}));

router.post('/articles', requireAuth, asyncHandler(async (req, res) => {
  res.status(201).json(await articleService.create(req.body, viewer(req)));
}));

router.get('/articles/:slug', optionalAuth, asyncHandler(async (req, res) => {
  res.json(await articleService.get(req.params.slug, viewer(req)));
}));

router.put('/articles/:slug', requireAuth, asyncHandler(async (req, res) => {
  res.json(await articleService.update(req.params.slug, req.body, viewer(req)));
}));

router.delete('/articles/:slug', requireAuth, asyncHandler(async (req, res) => {
  await articleService.remove(req.params.slug, viewer(req));
  res.status(200).json({});
}));

router.post('/articles/:slug/favorite', requireAuth, asyncHandler(async (req, res) => {
  res.json(await articleService.favorite(req.params.slug, viewer(req)));
}));

router.delete('/articles/:slug/favorite', requireAuth, asyncHandler(async (req, res) => {
  res.json(await articleService.unfavorite(req.params.slug, viewer(req)));
}));

module.exports = router;
