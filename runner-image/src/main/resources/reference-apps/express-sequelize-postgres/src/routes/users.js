'use strict';

const express = require('express');
const userService = require('../services/userService');
const { asyncHandler, requireAuth } = require('./middleware');

const router = express.Router();

router.post('/users', asyncHandler(async (req, res) => {
  res.status(201).json({ user: await userService.register(req.body) });
}));

router.post('/users/login', asyncHandler(async (req, res) => {
  res.json({ user: await userService.login(req.body) });
}));

router.get('/user', requireAuth, asyncHandler(async (req, res) => {
  res.json({ user: userService.current(req.auth) });
}));

router.put('/user', requireAuth, asyncHandler(async (req, res) => {
  res.json({ user: await userService.update(req.auth, req.body) });
}));

module.exports = router;
