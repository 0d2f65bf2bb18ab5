from flask import Blueprint, jsonify

from repositories import tag_repository

bp = Blueprint("tags", __name__, url_prefix="/api")


@bp.get("/tags")
def list_tags():
    return jsonify({"tags": tag_repository.all_names()}), 200
