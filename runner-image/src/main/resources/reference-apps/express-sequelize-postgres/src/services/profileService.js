'use strict';

const userRepository = require('../repositories/userRepository');
const followRepository = require('../repositories/followRepository');
const errors = require('./errors');

function present(user, following) {
  return { username: user.username, bio: user.bio, image: user.image, following: Boolean(following) };
}

async function findUser(username) {
  const user = await userRepository.findByUsername(username);
  if (!user) throw errors.notFound('profile');
  return user;
}

async function get(username, viewer) {
  const user = await findUser(username);
  const following = viewer ? await followRepository.isFollowing(viewer.id, user.id) : false;
  return present(user, following);
}

async function follow(username, viewer) {
  const user = await findUser(username);
  if (user.id === viewer.id) throw errors.validation('you cannot follow yourself');
  await followRepository.follow(viewer.id, user.id);
  return present(user, true);
}

async function unfollow(username, viewer) {
  const user = await findUser(username);
  await followRepository.unfollow(viewer.id, user.id);
  return present(user, false);
}

/** Map userId -> profile, as seen by viewer (may be null). */
async function profilesFor(userIds, viewer) {
  const unique = [...new Set(userIds)];
  const users = await userRepository.findByIds(unique);
  const followed = viewer ? await followRepository.followedAmong(viewer.id, unique) : new Set();
  return new Map(users.map((u) => [u.id, present(u, followed.has(u.id))]));
}

module.exports = { get, follow, unfollow, profilesFor };
