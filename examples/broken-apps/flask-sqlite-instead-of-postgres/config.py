"""Runtime configuration, read from the environment."""
import os

PORT = int(os.environ.get("PORT", "8080"))
HOST = "0.0.0.0"

DATABASE_URL = "sqlite:///conduit.db"

JWT_SECRET = os.environ.get("JWT_SECRET", "conduit-reference-secret")
JWT_TTL_SECONDS = int(os.environ.get("JWT_TTL_SECONDS", str(60 * 60 * 24 * 7)))

DB_CONNECT_ATTEMPTS = int(os.environ.get("DB_CONNECT_ATTEMPTS", "30"))
