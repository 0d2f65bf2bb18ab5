from sqlalchemy import select

import db
from models import Comment


def list_for_article(article):
    return (
        db.session.execute(
            select(Comment)
            .where(Comment.article_id == article.id)
            .order_by(Comment.created_at.desc(), Comment.id.desc())
        )
        .scalars()
        .all()
    )


def get_for_article(article, comment_id):
    return (
        db.session.execute(
            select(Comment).where(Comment.id == comment_id, Comment.article_id == article.id)
        )
        .scalars()
        .first()
    )


def create(article, author, body, now):
    comment = Comment(
        body=body, article_id=article.id, author_id=author.id, created_at=now, updated_at=now
    )
    db.session.add(comment)
    db.session.flush()  # the defect: the id is assigned, the write is never committed
    return comment


def delete_comment(comment):
    db.session.delete(comment)
    db.session.commit()
