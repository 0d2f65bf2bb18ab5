'use strict';

const tagRepository = require('../repositories/tagRepository');

function list() {
  return tagRepository.allNames();
}

module.exports = { list };
