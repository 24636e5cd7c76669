"""An async gRPC servicer proxy turns a service error into a status with the grpc.aio context's
abort(), a coroutine, without awaiting it: the call is not aborted."""

import logging

logger = logging.getLogger(__name__)


class ServiceError(Exception):
    status_code = None

    def details(self) -> str:
        return str(self)


class ServicerProxy:
    def __init__(self, service_class) -> None:
        self.service_class = service_class

    async def handle(self, request, context, action: str):
        try:
            service = self.service_class()
            return await getattr(service, action)(request, context)
        except ServiceError as error:
            logger.error(error)
            context.abort(error.status_code, error.details())  # [async-call-not-awaited]
