'use strict';

const express = require('express');
const tagRepository = require('../repositories/tagRepository');
const { asyncHandler } = require('./middleware');

const router = express.Router();

router.get('/tags', asyncHandler(async (req, res) => {
  res.json({ tags: await tagRepository.allNames() });
}));

module.exports = router;
