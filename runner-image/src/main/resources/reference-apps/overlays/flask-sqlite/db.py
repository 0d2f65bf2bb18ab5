"""Engine and session factory (SQLAlchemy ORM on a SQLite file)."""
from sqlalchemy import create_engine
from sqlalchemy.orm import scoped_session, sessionmaker

import config

# Flask serves requests on several threads; SQLite connections must be shareable between them.
engine = create_engine(config.DATABASE_URL, future=True,
                       connect_args={"check_same_thread": False, "timeout": 15})

# SessionLocal makes independent sessions; `session` is the request-scoped one.
SessionLocal = sessionmaker(bind=engine, autoflush=True, expire_on_commit=False, future=True)
session = scoped_session(SessionLocal)
