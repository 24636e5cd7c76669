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
            await context.abort(error.status_code, error.details())
