"""ORM models (lowest layer)."""
from models.associations import article_tags, favorites, follows
from models.article import Article, Tag
from models.base import Base
from models.comment import Comment
from models.user import User

__all__ = ["Base", "User", "Article", "Tag", "Comment", "follows", "favorites", "article_tags"]
