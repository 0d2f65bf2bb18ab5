import time

import jwt
from werkzeug.security import check_password_hash, generate_password_hash

import config
from repositories import user_repository
from services.errors import UnauthorizedError


def hash_password(password):
    return generate_password_hash(password)


def verify_password(password_hash, password):
    return check_password_hash(password_hash, password)


def make_token(user):
    now = int(time.time())
    payload = {"sub": str(user.id), "username": user.username, "iat": now,
               "exp": now + config.JWT_TTL_SECONDS}
    token = jwt.encode(payload, config.JWT_SECRET, algorithm="HS256")
    return token if isinstance(token, str) else token.decode("ascii")


def token_from_header(header_value):
    """Returns the raw token from an `Authorization: Token <jwt>` header, or None."""
    if not header_value:
        return None
    parts = header_value.strip().split(None, 1)
    if len(parts) != 2 or parts[0] != "Token":
        return None
    return parts[1].strip()


def user_for_token(token):
    if not token:
        raise UnauthorizedError("missing authorization token")
    try:
        payload = jwt.decode(token, config.JWT_SECRET, algorithms=["HS256"])
        user_id = int(payload["sub"])
    except (jwt.PyJWTError, KeyError, ValueError, TypeError):
        raise UnauthorizedError("invalid authorization token")
    user = user_repository.get_by_id(user_id)
    if user is None:
        raise UnauthorizedError("invalid authorization token")
    return user
