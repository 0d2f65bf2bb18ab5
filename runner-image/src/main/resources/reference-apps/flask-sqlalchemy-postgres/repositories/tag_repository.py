from sqlalchemy import select

import db
from models import Tag, article_tags


def all_names():
    stmt = (
        select(Tag.name)
        .join(article_tags, article_tags.c.tag_id == Tag.id)
        .distinct()
        .order_by(Tag.name)
    )
    return [row[0] for row in db.session.execute(stmt).all()]
