"""Helpers shared by the route modules: JSON bodies, errors and authentication."""
from functools import wraps

from flask import g, jsonify, request

from services import auth_service
from services.errors import ServiceError


def json_body():
    """The request body as JSON, or {} when it is empty or not JSON (never raises)."""
    body = request.get_json(silent=True)
    return body if body is not None else {}


def error_response(status, *messages):
    return jsonify({"errors": {"body": list(messages)}}), status


def handle_service_error(err):
    return error_response(err.status, *err.messages)


def _current_user(required):
    token = auth_service.token_from_header(request.headers.get("Authorization"))
    if token is None and not required:
        return None
    return auth_service.user_for_token(token)


def auth_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        g.user = _current_user(required=True)
        return view(*args, **kwargs)

    return wrapper


def auth_optional(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        g.user = _current_user(required=False)
        return view(*args, **kwargs)

    return wrapper
