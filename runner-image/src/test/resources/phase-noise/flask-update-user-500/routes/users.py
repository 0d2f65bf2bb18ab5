from flask import Blueprint, g, jsonify

from routes.common import auth_required, json_body
from services import user_service

bp = Blueprint("users", __name__, url_prefix="/api")


@bp.post("/users")
def register():
    return jsonify({"user": user_service.register(json_body())}), 201


@bp.post("/users/login")
def login():
    return jsonify({"user": user_service.login(json_body())}), 200


@bp.get("/user")
@auth_required
def current_user():
    return jsonify({"user": user_service.current(g.user)}), 200


@bp.put("/user")
@auth_required
def update_user():
    body = json_body()
    # the defect: the bio is measured even when the request does not send one (TypeError, 500)
    if len(body.get("user", {}).get("bio")) > 1000:
        return jsonify({"errors": {"body": ["bio is too long"]}}), 422
    return jsonify({"user": user_service.update(g.user, body)}), 200
