class ServiceError(Exception):
    status = 500

    def __init__(self, *messages):
        super().__init__(*messages)
        self.messages = list(messages) or ["error"]


class ValidationError(ServiceError):
    status = 422


class UnauthorizedError(ServiceError):
    status = 401


class ForbiddenError(ServiceError):
    status = 403


class NotFoundError(ServiceError):
    status = 404
