"""Engine and session factory (SQLAlchemy ORM, PostgreSQL through psycopg2)."""
from sqlalchemy import create_engine
from sqlalchemy.orm import scoped_session, sessionmaker

import config

engine = create_engine(config.DATABASE_URL, pool_pre_ping=True, future=True)

# SessionLocal makes independent sessions; `session` is the request-scoped one.
SessionLocal = sessionmaker(bind=engine, autoflush=True, expire_on_commit=False, future=True)
session = scoped_session(SessionLocal)
