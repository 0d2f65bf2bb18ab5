from flask import Blueprint, jsonify

from services import tag_service

bp = Blueprint("tags", __name__, url_prefix="/api")


@bp.get("/tags")
def list_tags():
    return jsonify({"tags": tag_service.all_tags()}), 200
