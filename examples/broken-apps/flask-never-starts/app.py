"""Composition root: builds the Flask app, creates the schema, starts the server."""
import logging
import time

from flask import Flask
from flask_cors import CORS
from sqlalchemy import text

import config
import db
from models import Base
from routes import register_routes

log = logging.getLogger("conduit")


def wait_for_database(attempts=config.DB_CONNECT_ATTEMPTS, delay=1.0):
    for attempt in range(1, attempts + 1):
        try:
            with db.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return
        except Exception as exc:  # noqa: BLE001 - any connection problem is retried
            log.warning("database not ready (attempt %d/%d): %s", attempt, attempts, exc)
            time.sleep(delay)
    raise RuntimeError("database never became reachable")


def create_app():
    app = Flask(__name__)
    if hasattr(app, "json") and hasattr(app.json, "sort_keys"):
        app.json.sort_keys = False
    app.url_map.strict_slashes = False
    CORS(app)
    register_routes(app)

    @app.teardown_appcontext
    def remove_session(_exc=None):
        db.session.remove()

    return app


def main():
    logging.basicConfig(level=logging.INFO)
    wait_for_database()
    Base.metadata.create_all(db.engine)
    app = create_app()
    app.run(host=config.HOST, port=config.PORT, threaded=True, use_reloader=False, debug=False)


if __name__ == "__main__":
    main()
