'use strict';

const express = require('express');
const profileService = require('../services/profileService');
const { asyncHandler, requireAuth, optionalAuth } = require('./middleware');

const router = express.Router();

router.get('/profiles/:username', optionalAuth, asyncHandler(async (req, res) => {
  res.json({ profile: await profileService.get(req.params.username, req.auth && req.auth.user) });
}));

router.post('/profiles/:username/follow', requireAuth, asyncHandler(async (req, res) => {
  res.json({ profile: await profileService.follow(req.params.username, req.auth.user) });
}));

router.delete('/profiles/:username/follow', requireAuth, asyncHandler(async (req, res) => {
  res.json({ profile: await profileService.unfollow(req.params.username, req.auth.user) });
}));

module.exports = router;
