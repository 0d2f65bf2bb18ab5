import logging

from sqlalchemy.exc import IntegrityError

import db
from repositories import user_repository
from services import auth_service
from services.errors import UnauthorizedError, ValidationError
from services.formatting import require_string

UPDATABLE = ("email", "username", "password", "bio", "image")


def user_dict(user, token):
    return {
        "email": user.email,
        "username": user.username,
        "bio": user.bio,
        "image": user.image,
        "token": token,
    }


def _payload(body):
    data = body.get("user") if isinstance(body, dict) else None
    if not isinstance(data, dict):
        raise ValidationError("user is required")
    return data


def register(body):
    data = _payload(body)
    username = require_string(data, "username").strip()
    email = require_string(data, "email").strip()
    password = require_string(data, "password")
    try:
        user = user_repository.create(email, username, auth_service.hash_password(password))
    except IntegrityError as exc:
        db.session.rollback()
        logging.getLogger("conduit").exception("registration refused")
        raise ValidationError("email or username has already been taken") from exc
    return user_dict(user, auth_service.make_token(user))


def login(body):
    data = _payload(body)
    email = require_string(data, "email").strip()
    password = require_string(data, "password")
    user = user_repository.get_by_email(email)
    if user is None or not auth_service.verify_password(user.password_hash, password):
        raise UnauthorizedError("email or password is invalid")
    return user_dict(user, auth_service.make_token(user))


def current(user):
    return user_dict(user, auth_service.make_token(user))


def update(user, body):
    data = _payload(body)
    fields = {}
    for key in UPDATABLE:
        if key not in data:
            continue
        value = data[key]
        if key in ("email", "username", "password"):
            if not isinstance(value, str) or not value.strip():
                raise ValidationError(f"{key} can't be blank")
            value = value if key == "password" else value.strip()
        elif value is not None and not isinstance(value, str):
            raise ValidationError(f"{key} must be a string")
        fields[key] = value
    if "email" in fields and fields["email"] != user.email:
        if user_repository.get_by_email(fields["email"]) is not None:
            raise ValidationError("email has already been taken")
    if "username" in fields and fields["username"] != user.username:
        if user_repository.get_by_username(fields["username"]) is not None:
            raise ValidationError("username has already been taken")
    if "password" in fields:
        fields["password_hash"] = auth_service.hash_password(fields.pop("password"))
    user = user_repository.update(user, fields)
    return user_dict(user, auth_service.make_token(user))
