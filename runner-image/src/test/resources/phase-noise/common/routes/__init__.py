"""HTTP layer (Flask blueprints). Imports services only."""
import logging

from routes import articles, comments, health, profiles, tags, users
from routes.common import error_response, handle_service_error
from services.errors import ServiceError


def register_routes(app):
    for module in (health, users, profiles, articles, comments, tags):
        app.register_blueprint(module.bp)

    log = logging.getLogger("conduit.errors")

    def logged_service_error(err):
        # like many real apps: every handled error is logged with its stack
        log.error("%s: %s", type(err).__name__, "; ".join(err.messages), exc_info=err)
        return handle_service_error(err)

    app.register_error_handler(ServiceError, logged_service_error)

    @app.errorhandler(404)
    def not_found(_err):
        return error_response(404, "not found")

    @app.errorhandler(405)
    def method_not_allowed(_err):
        return error_response(405, "method not allowed")

    @app.errorhandler(500)
    def internal_error(_err):
        return error_response(500, "internal server error")
