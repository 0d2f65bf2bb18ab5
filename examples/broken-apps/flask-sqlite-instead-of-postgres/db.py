"""Engine and session factory (SQLAlchemy ORM on a local SQLite file)."""
from sqlalchemy import create_engine
from sqlalchemy.orm import scoped_session, sessionmaker

import config

engine = create_engine(
    config.DATABASE_URL, connect_args={"check_same_thread": False}, future=True
)

# SessionLocal makes independent sessions; `session` is the request-scoped one.
SessionLocal = sessionmaker(bind=engine, autoflush=True, expire_on_commit=False, future=True)
session = scoped_session(SessionLocal)
