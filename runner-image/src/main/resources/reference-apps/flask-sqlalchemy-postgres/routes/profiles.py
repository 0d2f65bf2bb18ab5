from flask import Blueprint, g, jsonify

from routes.common import auth_optional, auth_required
from services import profile_service

bp = Blueprint("profiles", __name__, url_prefix="/api/profiles")


@bp.get("/<username>")
@auth_optional
def get_profile(username):
    return jsonify({"profile": profile_service.get_profile(username, g.user)}), 200


@bp.post("/<username>/follow")
@auth_required
def follow(username):
    return jsonify({"profile": profile_service.follow(g.user, username)}), 200


@bp.delete("/<username>/follow")
@auth_required
def unfollow(username):
    return jsonify({"profile": profile_service.unfollow(g.user, username)}), 200
