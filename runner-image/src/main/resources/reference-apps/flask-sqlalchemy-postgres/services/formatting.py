from datetime import datetime

from services.errors import ValidationError


def iso(value):
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"
    return str(value)


def utcnow():
    return datetime.utcnow()


def require_string(data, key):
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(f"{key} can't be blank")
    return value
