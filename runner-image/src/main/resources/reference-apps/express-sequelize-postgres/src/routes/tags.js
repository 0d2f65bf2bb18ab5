'use strict';

const express = require('express');
const tagService = require('../services/tagService');
const { asyncHandler } = require('./middleware');

const router = express.Router();

router.get('/tags', asyncHandler(async (req, res) => {
  res.json({ tags: await tagService.list() });
}));

module.exports = router;
