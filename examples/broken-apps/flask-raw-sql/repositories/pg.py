"""Tiny psycopg2 helper used by the repositories (hand-written SQL)."""
from contextlib import contextmanager
from types import SimpleNamespace

import psycopg2
import psycopg2.extras

import config


@contextmanager
def cursor():
    conn = psycopg2.connect(
        host=config.DB_HOST,
        port=config.DB_PORT,
        user=config.DB_USER,
        password=config.DB_PASSWORD,
        dbname=config.DB_NAME,
    )
    try:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            yield cur
        conn.commit()
    except Exception:
        conn.rollback()
        raise
    finally:
        conn.close()


def one(sql, params=()):
    with cursor() as cur:
        cur.execute(sql, params)
        row = cur.fetchone()
    return SimpleNamespace(**row) if row else None


def many(sql, params=()):
    with cursor() as cur:
        cur.execute(sql, params)
        rows = cur.fetchall()
    return [SimpleNamespace(**r) for r in rows]


def scalar(sql, params=()):
    with cursor() as cur:
        cur.execute(sql, params)
        row = cur.fetchone()
    return list(row.values())[0] if row else None


def run(sql, params=()):
    with cursor() as cur:
        cur.execute(sql, params)
