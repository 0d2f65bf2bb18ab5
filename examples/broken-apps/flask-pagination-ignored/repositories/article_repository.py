from sqlalchemy import and_, delete, func, insert, select
from sqlalchemy.orm import aliased

import db
from models import Article, Tag, User, favorites, follows


def get_by_slug(slug):
    return db.session.execute(select(Article).where(Article.slug == slug)).scalars().first()


def slug_exists(slug):
    return db.session.execute(select(Article.id).where(Article.slug == slug)).first() is not None


def _tags_for(names):
    tags = []
    for name in names:
        tag = db.session.execute(select(Tag).where(Tag.name == name)).scalars().first()
        if tag is None:
            tag = Tag(name=name)
            db.session.add(tag)
        tags.append(tag)
    return tags


def create(author, slug, title, description, body, tag_names, now):
    article = Article(
        slug=slug,
        title=title,
        description=description,
        body=body,
        created_at=now,
        updated_at=now,
        author_id=author.id,
    )
    article.tags = _tags_for(tag_names)
    db.session.add(article)
    db.session.commit()
    return article


def update(article, fields, tag_names=None):
    for key, value in fields.items():
        setattr(article, key, value)
    if tag_names is not None:
        article.tags = _tags_for(tag_names)
    db.session.commit()
    return article


def delete_article(article):
    db.session.delete(article)
    db.session.commit()


def _filtered(tag=None, author=None, favorited=None):
    stmt = select(Article)
    if tag:
        stmt = stmt.join(Article.tags).where(Tag.name == tag)
    if author:
        author_alias = aliased(User)
        stmt = stmt.join(author_alias, Article.author_id == author_alias.id).where(
            author_alias.username == author
        )
    if favorited:
        fan = aliased(User)
        stmt = (
            stmt.join(favorites, favorites.c.article_id == Article.id)
            .join(fan, fan.id == favorites.c.user_id)
            .where(fan.username == favorited)
        )
    return stmt


def _page(stmt, limit, offset):
    total = db.session.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
    items = (
        db.session.execute(
            stmt.order_by(Article.created_at.desc(), Article.id.desc())
        )
        .scalars()
        .all()
    )
    return items, total


def list_articles(tag=None, author=None, favorited=None, limit=20, offset=0):
    return _page(_filtered(tag, author, favorited), limit, offset)


def feed(user, limit=20, offset=0):
    stmt = select(Article).join(follows, follows.c.followed_id == Article.author_id).where(
        follows.c.follower_id == user.id
    )
    return _page(stmt, limit, offset)


def tag_names(article):
    return [t.name for t in article.tags]


def favorites_count(article):
    return db.session.execute(
        select(func.count()).select_from(favorites).where(favorites.c.article_id == article.id)
    ).scalar_one()


def is_favorited(article, user):
    row = db.session.execute(
        select(favorites.c.user_id).where(
            and_(favorites.c.article_id == article.id, favorites.c.user_id == user.id)
        )
    ).first()
    return row is not None


def favorite(article, user):
    if not is_favorited(article, user):
        db.session.execute(insert(favorites).values(user_id=user.id, article_id=article.id))
        db.session.commit()


def unfavorite(article, user):
    db.session.execute(
        delete(favorites).where(
            and_(favorites.c.article_id == article.id, favorites.c.user_id == user.id)
        )
    )
    db.session.commit()
