from repositories import user_repository
from services.errors import NotFoundError


def profile_dict(user, viewer=None):
    following = False
    if viewer is not None and viewer.id != user.id:
        following = user_repository.is_following(viewer.id, user.id)
    return {
        "username": user.username,
        "bio": user.bio,
        "image": user.image,
        "following": bool(following),
    }


def profile_for_id(user_id, viewer=None):
    return profile_dict(user_repository.get_by_id(user_id), viewer)


def _find(username):
    user = user_repository.get_by_username(username)
    if user is None:
        raise NotFoundError("profile not found")
    return user


def get_profile(username, viewer=None):
    return profile_dict(_find(username), viewer)


def follow(viewer, username):
    target = _find(username)
    if target.id != viewer.id:
        user_repository.follow(viewer, target)
    return profile_dict(target, viewer)


def unfollow(viewer, username):
    target = _find(username)
    user_repository.unfollow(viewer, target)
    return profile_dict(target, viewer)
