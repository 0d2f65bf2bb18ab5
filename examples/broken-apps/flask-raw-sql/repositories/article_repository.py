from repositories import pg

COLUMNS = "a.id, a.slug, a.title, a.description, a.body, a.created_at, a.updated_at, a.author_id"


def get_by_slug(slug):
    return pg.one(f"SELECT {COLUMNS} FROM articles a WHERE a.slug = %s", (slug,))


def slug_exists(slug):
    return pg.one("SELECT 1 AS x FROM articles WHERE slug = %s", (slug,)) is not None


def _set_tags(article_id, names):
    pg.run("DELETE FROM article_tags WHERE article_id = %s", (article_id,))
    for name in names:
        pg.run("INSERT INTO tags (name) VALUES (%s) ON CONFLICT (name) DO NOTHING", (name,))
        pg.run(
            "INSERT INTO article_tags (article_id, tag_id) SELECT %s, id FROM tags WHERE name = %s "
            "ON CONFLICT DO NOTHING",
            (article_id, name),
        )


def create(author, slug, title, description, body, tag_names, now):
    article = pg.one(
        "INSERT INTO articles (slug, title, description, body, created_at, updated_at, author_id) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id",
        (slug, title, description, body, now, now, author.id),
    )
    _set_tags(article.id, tag_names)
    return get_by_slug(slug)


def update(article, fields, tag_names=None):
    allowed = [k for k in fields if k in ("slug", "title", "description", "body", "updated_at")]
    if allowed:
        sets = ", ".join(f"{k} = %s" for k in allowed)
        pg.run(f"UPDATE articles SET {sets} WHERE id = %s",
               tuple(fields[k] for k in allowed) + (article.id,))
    if tag_names is not None:
        _set_tags(article.id, tag_names)
    return pg.one(f"SELECT {COLUMNS} FROM articles a WHERE a.id = %s", (article.id,))


def delete_article(article):
    pg.run("DELETE FROM comments WHERE article_id = %s", (article.id,))
    pg.run("DELETE FROM article_tags WHERE article_id = %s", (article.id,))
    pg.run("DELETE FROM favorites WHERE article_id = %s", (article.id,))
    pg.run("DELETE FROM articles WHERE id = %s", (article.id,))


def _filters(tag=None, author=None, favorited=None):
    where, params = [], []
    if tag:
        where.append("EXISTS (SELECT 1 FROM article_tags at JOIN tags t ON t.id = at.tag_id "
                     "WHERE at.article_id = a.id AND t.name = %s)")
        params.append(tag)
    if author:
        where.append("a.author_id = (SELECT id FROM users WHERE username = %s)")
        params.append(author)
    if favorited:
        where.append("EXISTS (SELECT 1 FROM favorites f JOIN users u ON u.id = f.user_id "
                     "WHERE f.article_id = a.id AND u.username = %s)")
        params.append(favorited)
    return (" WHERE " + " AND ".join(where)) if where else "", params


def _page(where, params, limit, offset):
    total = pg.scalar(f"SELECT COUNT(*) FROM articles a{where}", tuple(params))
    items = pg.many(
        f"SELECT {COLUMNS} FROM articles a{where} ORDER BY a.created_at DESC, a.id DESC "
        "LIMIT %s OFFSET %s",
        tuple(params) + (limit, offset),
    )
    return items, total


def list_articles(tag=None, author=None, favorited=None, limit=20, offset=0):
    where, params = _filters(tag, author, favorited)
    return _page(where, params, limit, offset)


def feed(user, limit=20, offset=0):
    where = " WHERE a.author_id IN (SELECT followed_id FROM follows WHERE follower_id = %s)"
    return _page(where, [user.id], limit, offset)


def tag_names(article):
    rows = pg.many(
        "SELECT t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id "
        "WHERE at.article_id = %s ORDER BY t.name",
        (article.id,),
    )
    return [r.name for r in rows]


def favorites_count(article):
    return pg.scalar("SELECT COUNT(*) FROM favorites WHERE article_id = %s", (article.id,))


def is_favorited(article, user):
    return pg.one(
        "SELECT 1 AS x FROM favorites WHERE article_id = %s AND user_id = %s",
        (article.id, user.id),
    ) is not None


def favorite(article, user):
    pg.run(
        "INSERT INTO favorites (user_id, article_id) VALUES (%s, %s) ON CONFLICT DO NOTHING",
        (user.id, article.id),
    )


def unfavorite(article, user):
    pg.run("DELETE FROM favorites WHERE article_id = %s AND user_id = %s", (article.id, user.id))
