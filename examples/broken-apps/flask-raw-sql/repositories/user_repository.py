from repositories import pg

COLUMNS = "id, email, username, password_hash, bio, image"


def get_by_id(user_id):
    return pg.one(f"SELECT {COLUMNS} FROM users WHERE id = %s", (user_id,))


def get_by_email(email):
    return pg.one(f"SELECT {COLUMNS} FROM users WHERE email = %s", (email,))


def get_by_username(username):
    return pg.one(f"SELECT {COLUMNS} FROM users WHERE username = %s", (username,))


def create(email, username, password_hash):
    return pg.one(
        f"INSERT INTO users (email, username, password_hash) VALUES (%s, %s, %s) RETURNING {COLUMNS}",
        (email, username, password_hash),
    )


def update(user, fields):
    allowed = [k for k in fields if k in ("email", "username", "password_hash", "bio", "image")]
    if not allowed:
        return get_by_id(user.id)
    sets = ", ".join(f"{k} = %s" for k in allowed)
    return pg.one(
        f"UPDATE users SET {sets} WHERE id = %s RETURNING {COLUMNS}",
        tuple(fields[k] for k in allowed) + (user.id,),
    )


def is_following(follower_id, followed_id):
    return pg.one(
        "SELECT 1 AS x FROM follows WHERE follower_id = %s AND followed_id = %s",
        (follower_id, followed_id),
    ) is not None


def follow(follower, followed):
    pg.run(
        "INSERT INTO follows (follower_id, followed_id) VALUES (%s, %s) ON CONFLICT DO NOTHING",
        (follower.id, followed.id),
    )


def unfollow(follower, followed):
    pg.run(
        "DELETE FROM follows WHERE follower_id = %s AND followed_id = %s",
        (follower.id, followed.id),
    )
