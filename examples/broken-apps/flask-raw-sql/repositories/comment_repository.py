from repositories import pg

COLUMNS = "id, body, created_at, updated_at, article_id, author_id"


def list_for_article(article):
    return pg.many(
        f"SELECT {COLUMNS} FROM comments WHERE article_id = %s ORDER BY created_at DESC, id DESC",
        (article.id,),
    )


def get_for_article(article, comment_id):
    return pg.one(
        f"SELECT {COLUMNS} FROM comments WHERE id = %s AND article_id = %s",
        (comment_id, article.id),
    )


def create(article, author, body, now):
    return pg.one(
        "INSERT INTO comments (body, created_at, updated_at, article_id, author_id) "
        f"VALUES (%s, %s, %s, %s, %s) RETURNING {COLUMNS}",
        (body, now, now, article.id, author.id),
    )


def delete_comment(comment):
    pg.run("DELETE FROM comments WHERE id = %s", (comment.id,))
