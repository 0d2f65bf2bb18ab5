'use strict';

const { sequelize } = require('../models');

async function connect({ attempts = 30, delayMs = 1000 } = {}) {
  for (let i = 1; ; i += 1) {
    try {
      await sequelize.authenticate();
      return;
    } catch (err) {
      if (i >= attempts) throw err;
      console.warn(`database not ready (attempt ${i}/${attempts}): ${err.message}`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

async function createSchema() {
  await sequelize.sync();
}

module.exports = { connect, createSchema };
