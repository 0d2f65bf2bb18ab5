'use strict';

const { Op } = require('sequelize');
const { Follow } = require('../models');

async function follow(followerId, followingId) {
  await Follow.bulkCreate([{ followerId, followingId }], { ignoreDuplicates: true });
}

async function unfollow(followerId, followingId) {
  await Follow.destroy({ where: { followerId, followingId } });
}

async function isFollowing(followerId, followingId) {
  const count = await Follow.count({ where: { followerId, followingId } });
  return count > 0;
}

/** Ids (among candidateIds) that followerId follows. */
async function followedAmong(followerId, candidateIds) {
  if (candidateIds.length === 0) return new Set();
  const rows = await Follow.findAll({
    where: { followerId, followingId: { [Op.in]: candidateIds } },
    attributes: ['followingId'],
  });
  return new Set(rows.map((r) => r.followingId));
}

async function followedIds(followerId) {
  const rows = await Follow.findAll({ where: { followerId }, attributes: ['followingId'] });
  return rows.map((r) => r.followingId);
}

module.exports = { follow, unfollow, isFollowing, followedAmong, followedIds };
