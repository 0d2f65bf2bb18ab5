from flask import Blueprint, g, jsonify

from routes.common import auth_optional, auth_required, json_body
from services import comment_service

bp = Blueprint("comments", __name__, url_prefix="/api/articles/<slug>/comments")


@bp.get("")
@auth_optional
def list_comments(slug):
    return jsonify({"comments": comment_service.list_comments(slug, g.user)}), 200


@bp.post("")
@auth_required
def create_comment(slug):
    return jsonify({"comment": comment_service.create(g.user, slug, json_body())}), 200


@bp.delete("/<comment_id>")
@auth_required
def delete_comment(slug, comment_id):
    comment_service.delete(g.user, slug, comment_id)
    return jsonify({}), 200
