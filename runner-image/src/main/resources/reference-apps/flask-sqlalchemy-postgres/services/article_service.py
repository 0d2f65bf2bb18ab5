import re
import uuid

from repositories import article_repository
from services import profile_service
from services.errors import ForbiddenError, NotFoundError, ValidationError
from services.formatting import iso, require_string, utcnow

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


def article_dict(article, viewer=None):
    return {
        "slug": article.slug,
        "title": article.title,
        "description": article.description,
        "body": article.body,
        "tagList": article_repository.tag_names(article),
        "createdAt": iso(article.created_at),
        "updatedAt": iso(article.updated_at),
        "favorited": bool(viewer is not None and article_repository.is_favorited(article, viewer)),
        "favoritesCount": int(article_repository.favorites_count(article)),
        "author": profile_service.profile_for_id(article.author_id, viewer),
    }


def _slugify(title):
    base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "article"
    slug = base
    while article_repository.slug_exists(slug):
        slug = f"{base}-{uuid.uuid4().hex[:6]}"
    return slug


def _page_params(limit, offset):
    try:
        limit = DEFAULT_LIMIT if limit in (None, "") else int(limit)
        offset = 0 if offset in (None, "") else int(offset)
    except (TypeError, ValueError):
        raise ValidationError("limit and offset must be integers")
    if limit < 0 or offset < 0:
        raise ValidationError("limit and offset must not be negative")
    return min(limit, MAX_LIMIT), offset


def _listing(items, total, viewer):
    return {"articles": [article_dict(a, viewer) for a in items], "articlesCount": int(total)}


def list_articles(viewer=None, tag=None, author=None, favorited=None, limit=None, offset=None):
    limit, offset = _page_params(limit, offset)
    items, total = article_repository.list_articles(tag, author, favorited, limit, offset)
    return _listing(items, total, viewer)


def feed(viewer, limit=None, offset=None):
    limit, offset = _page_params(limit, offset)
    items, total = article_repository.feed(viewer, limit, offset)
    return _listing(items, total, viewer)


def _find(slug):
    article = article_repository.get_by_slug(slug)
    if article is None:
        raise NotFoundError("article not found")
    return article


def _payload(body):
    data = body.get("article") if isinstance(body, dict) else None
    if not isinstance(data, dict):
        raise ValidationError("article is required")
    return data


def _tag_list(data):
    tags = data.get("tagList")
    if tags is None:
        return []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ValidationError("tagList must be an array of strings")
    seen = []
    for t in tags:
        t = t.strip()
        if t and t not in seen:
            seen.append(t)
    return seen


def get_article(slug, viewer=None):
    return article_dict(_find(slug), viewer)


def create(author, body):
    data = _payload(body)
    title = require_string(data, "title").strip()
    description = require_string(data, "description")
    text = require_string(data, "body")
    tags = _tag_list(data)
    article = article_repository.create(
        author, _slugify(title), title, description, text, tags, utcnow()
    )
    return article_dict(article, author)


def update(user, slug, body):
    article = _find(slug)
    if article.author_id != user.id:
        raise ForbiddenError("you can only edit your own articles")
    data = _payload(body)
    fields = {}
    for key in ("title", "description", "body"):
        if key in data:
            value = data[key]
            if not isinstance(value, str) or not value.strip():
                raise ValidationError(f"{key} can't be blank")
            fields[key] = value
    if "title" in fields and fields["title"] != article.title:
        fields["slug"] = _slugify(fields["title"])
    tags = _tag_list(data) if "tagList" in data else None
    fields["updated_at"] = utcnow()
    article = article_repository.update(article, fields, tags)
    return article_dict(article, user)


def delete(user, slug):
    article = _find(slug)
    if article.author_id != user.id:
        raise ForbiddenError("you can only delete your own articles")
    article_repository.delete_article(article)


def favorite(user, slug):
    article = _find(slug)
    article_repository.favorite(article, user)
    return article_dict(article, user)


def unfavorite(user, slug):
    article = _find(slug)
    article_repository.unfavorite(article, user)
    return article_dict(article, user)
