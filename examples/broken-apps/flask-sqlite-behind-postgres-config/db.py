"""Engine and session factory (SQLAlchemy ORM, PostgreSQL through psycopg2)."""
from sqlalchemy import create_engine
from sqlalchemy.orm import scoped_session, sessionmaker

import config

# engine used by the repositories
LOCAL_DB_URL = "sqlite:///conduit.db"
engine = create_engine(LOCAL_DB_URL, connect_args={"check_same_thread": False}, future=True)

# SessionLocal makes independent sessions; `session` is the request-scoped one.
SessionLocal = sessionmaker(bind=engine, autoflush=True, expire_on_commit=False, future=True)
session = scoped_session(SessionLocal)
