from repositories import article_repository, comment_repository
from services import profile_service
from services.errors import ForbiddenError, NotFoundError, ValidationError
from services.formatting import iso, require_string, utcnow


def comment_dict(comment, viewer=None):
    return {
        "id": comment.id,
        "createdAt": iso(comment.created_at),
        "updatedAt": iso(comment.updated_at),
        "body": comment.body,
        "author": profile_service.profile_for_id(comment.author_id, viewer),
    }


def _article(slug):
    article = article_repository.get_by_slug(slug)
    if article is None:
        raise NotFoundError("article not found")
    return article


def list_comments(slug, viewer=None):
    article = _article(slug)
    return [comment_dict(c, viewer) for c in comment_repository.list_for_article(article)]


def create(user, slug, body):
    article = _article(slug)
    data = body.get("comment") if isinstance(body, dict) else None
    if not isinstance(data, dict):
        raise ValidationError("comment is required")
    text = require_string(data, "body")
    comment = comment_repository.create(article, user, text, utcnow())
    return comment_dict(comment, user)


def delete(user, slug, comment_id):
    article = _article(slug)
    try:
        comment_id = int(comment_id)
    except (TypeError, ValueError):
        raise NotFoundError("comment not found")
    if comment_id < 1 or comment_id > 2**31 - 1:
        raise NotFoundError("comment not found")
    comment = comment_repository.get_for_article(article, comment_id)
    if comment is None:
        raise NotFoundError("comment not found")
    if comment.author_id != user.id:
        raise ForbiddenError("you can only delete your own comments")
    comment_repository.delete_comment(comment)
