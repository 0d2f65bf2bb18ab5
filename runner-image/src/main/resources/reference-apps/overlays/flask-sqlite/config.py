"""Runtime configuration, read from the environment (SQLite variant of the reference app)."""
import os

PORT = int(os.environ.get("PORT", "8080"))
HOST = "0.0.0.0"

# The task asks for SQLite: one database file beside the code, whatever else the environment offers.
DATABASE_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "conduit.db")
DATABASE_URL = "sqlite:///" + DATABASE_FILE

JWT_SECRET = os.environ.get("JWT_SECRET", "conduit-reference-secret")
JWT_TTL_SECONDS = int(os.environ.get("JWT_TTL_SECONDS", str(60 * 60 * 24 * 7)))

DB_CONNECT_ATTEMPTS = int(os.environ.get("DB_CONNECT_ATTEMPTS", "30"))
