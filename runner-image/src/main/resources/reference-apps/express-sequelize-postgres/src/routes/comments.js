'use strict';

const express = require('express');
const commentService = require('../services/commentService');
const { asyncHandler, requireAuth, optionalAuth } = require('./middleware');

const router = express.Router();

router.get('/articles/:slug/comments', optionalAuth, asyncHandler(async (req, res) => {
  const viewer = req.auth ? req.auth.user : null;
  res.json({ comments: await commentService.list(req.params.slug, viewer) });
}));

router.post('/articles/:slug/comments', requireAuth, asyncHandler(async (req, res) => {
  res.json({ comment: await commentService.create(req.params.slug, req.body, req.auth.user) });
}));

router.delete('/articles/:slug/comments/:id', requireAuth, asyncHandler(async (req, res) => {
  await commentService.remove(req.params.slug, req.params.id, req.auth.user);
  res.status(200).json({});
}));

module.exports = router;
