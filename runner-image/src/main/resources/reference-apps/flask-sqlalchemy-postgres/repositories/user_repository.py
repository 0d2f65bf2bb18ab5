from sqlalchemy import and_, delete, insert, select

import db
from models import User, follows


def get_by_id(user_id):
    return db.session.get(User, user_id)


def get_by_email(email):
    return db.session.execute(select(User).where(User.email == email)).scalars().first()


def get_by_username(username):
    return db.session.execute(select(User).where(User.username == username)).scalars().first()


def create(email, username, password_hash):
    user = User(email=email, username=username, password_hash=password_hash, bio=None, image=None)
    db.session.add(user)
    db.session.commit()
    return user


def update(user, fields):
    for key, value in fields.items():
        setattr(user, key, value)
    db.session.commit()
    return user


def is_following(follower_id, followed_id):
    row = db.session.execute(
        select(follows.c.follower_id).where(
            and_(follows.c.follower_id == follower_id, follows.c.followed_id == followed_id)
        )
    ).first()
    return row is not None


def follow(follower, followed):
    if not is_following(follower.id, followed.id):
        db.session.execute(insert(follows).values(follower_id=follower.id, followed_id=followed.id))
        db.session.commit()


def unfollow(follower, followed):
    db.session.execute(
        delete(follows).where(
            and_(follows.c.follower_id == follower.id, follows.c.followed_id == followed.id)
        )
    )
    db.session.commit()
