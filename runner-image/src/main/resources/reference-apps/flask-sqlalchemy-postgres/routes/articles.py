from flask import Blueprint, g, jsonify, request

from routes.common import auth_optional, auth_required, json_body
from services import article_service

bp = Blueprint("articles", __name__, url_prefix="/api/articles")


@bp.get("")
@auth_optional
def list_articles():
    args = request.args
    result = article_service.list_articles(
        viewer=g.user,
        tag=args.get("tag"),
        author=args.get("author"),
        favorited=args.get("favorited"),
        limit=args.get("limit"),
        offset=args.get("offset"),
    )
    return jsonify(result), 200


@bp.get("/feed")
@auth_required
def feed():
    result = article_service.feed(g.user, request.args.get("limit"), request.args.get("offset"))
    return jsonify(result), 200


@bp.post("")
@auth_required
def create_article():
    return jsonify({"article": article_service.create(g.user, json_body())}), 201


@bp.get("/<slug>")
@auth_optional
def get_article(slug):
    return jsonify({"article": article_service.get_article(slug, g.user)}), 200


@bp.put("/<slug>")
@auth_required
def update_article(slug):
    return jsonify({"article": article_service.update(g.user, slug, json_body())}), 200


@bp.delete("/<slug>")
@auth_required
def delete_article(slug):
    article_service.delete(g.user, slug)
    return jsonify({}), 200


@bp.post("/<slug>/favorite")
@auth_required
def favorite(slug):
    return jsonify({"article": article_service.favorite(g.user, slug)}), 200


@bp.delete("/<slug>/favorite")
@auth_required
def unfavorite(slug):
    return jsonify({"article": article_service.unfavorite(g.user, slug)}), 200
