from flask import Blueprint, jsonify

bp = Blueprint("health", __name__, url_prefix="/api")


@bp.get("/health-check")
def health_check():
    return jsonify({"status": "ok"}), 200
