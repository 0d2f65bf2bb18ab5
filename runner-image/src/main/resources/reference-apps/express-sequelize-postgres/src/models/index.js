'use strict';

const { Sequelize, DataTypes } = require('sequelize');
const config = require('../config');

const options = { dialect: 'postgres', logging: false };
const sequelize = config.db.url
  ? new Sequelize(config.db.url, options)
  : new Sequelize(config.db.name, config.db.user, config.db.password, {
      ...options,
      host: config.db.host,
      port: config.db.port,
    });

const User = sequelize.define('User', {
  id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
  username: { type: DataTypes.STRING, allowNull: false, unique: true },
  email: { type: DataTypes.STRING, allowNull: false, unique: true },
  passwordHash: { type: DataTypes.STRING, allowNull: false },
  bio: { type: DataTypes.TEXT, allowNull: true },
  image: { type: DataTypes.STRING, allowNull: true },
}, { tableName: 'users' });

const Follow = sequelize.define('Follow', {
  followerId: { type: DataTypes.UUID, primaryKey: true },
  followingId: { type: DataTypes.UUID, primaryKey: true },
}, { tableName: 'follows', updatedAt: false });

const Article = sequelize.define('Article', {
  id: { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4, primaryKey: true },
  slug: { type: DataTypes.STRING, allowNull: false, unique: true },
  title: { type: DataTypes.STRING, allowNull: false },
  description: { type: DataTypes.TEXT, allowNull: false },
  body: { type: DataTypes.TEXT, allowNull: false },
  authorId: { type: DataTypes.UUID, allowNull: false },
}, { tableName: 'articles' });

const Tag = sequelize.define('Tag', {
  id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
  name: { type: DataTypes.STRING, allowNull: false, unique: true },
}, { tableName: 'tags', timestamps: false });

const ArticleTag = sequelize.define('ArticleTag', {
  articleId: { type: DataTypes.UUID, primaryKey: true },
  tagId: { type: DataTypes.INTEGER, primaryKey: true },
  position: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
}, { tableName: 'article_tags', timestamps: false });

const Favorite = sequelize.define('Favorite', {
  userId: { type: DataTypes.UUID, primaryKey: true },
  articleId: { type: DataTypes.UUID, primaryKey: true },
}, { tableName: 'favorites', updatedAt: false });

const Comment = sequelize.define('Comment', {
  id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
  body: { type: DataTypes.TEXT, allowNull: false },
  articleId: { type: DataTypes.UUID, allowNull: false },
  authorId: { type: DataTypes.UUID, allowNull: false },
}, { tableName: 'comments' });

const cascade = { onDelete: 'CASCADE', hooks: true };

Article.belongsTo(User, { as: 'author', foreignKey: 'authorId' });
User.hasMany(Article, { foreignKey: 'authorId', ...cascade });

Follow.belongsTo(User, { as: 'follower', foreignKey: 'followerId', onDelete: 'CASCADE' });
Follow.belongsTo(User, { as: 'following', foreignKey: 'followingId', onDelete: 'CASCADE' });

ArticleTag.belongsTo(Article, { foreignKey: 'articleId', onDelete: 'CASCADE' });
ArticleTag.belongsTo(Tag, { foreignKey: 'tagId', onDelete: 'CASCADE' });

Favorite.belongsTo(User, { foreignKey: 'userId', onDelete: 'CASCADE' });
Favorite.belongsTo(Article, { foreignKey: 'articleId', onDelete: 'CASCADE' });

Comment.belongsTo(Article, { foreignKey: 'articleId', onDelete: 'CASCADE' });
Comment.belongsTo(User, { as: 'author', foreignKey: 'authorId', onDelete: 'CASCADE' });

module.exports = { sequelize, Sequelize, User, Follow, Article, Tag, ArticleTag, Favorite, Comment };
