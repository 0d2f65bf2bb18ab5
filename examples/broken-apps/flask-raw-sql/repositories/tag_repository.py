from repositories import pg


def all_names():
    rows = pg.many(
        "SELECT DISTINCT t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id ORDER BY t.name"
    )
    return [r.name for r in rows]
