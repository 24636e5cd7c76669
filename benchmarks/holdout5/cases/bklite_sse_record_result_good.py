"""Fixed: the generator awaits the engine's async wrapper, which runs the recording in a thread."""

import json
import logging

from asgiref.sync import sync_to_async
from django.db import models
from django.http import StreamingHttpResponse
from django.utils import timezone

logger = logging.getLogger(__name__)


class BotWorkFlow(models.Model):
    name = models.CharField(max_length=100)


class WorkFlowTaskResult(models.Model):
    bot_work_flow = models.ForeignKey(BotWorkFlow, on_delete=models.CASCADE)
    execution_id = models.CharField(max_length=64)
    status = models.CharField(max_length=20)
    input_data = models.TextField(default="")
    last_output = models.TextField(default="")
    finished_at = models.DateTimeField(null=True)


class WorkFlowTaskNodeResult(models.Model):
    execution_id = models.CharField(max_length=64)
    task_result = models.ForeignKey(WorkFlowTaskResult, null=True, on_delete=models.CASCADE)


class ChatFlowEngine:
    def __init__(self, instance: BotWorkFlow, execution_id: str):
        self.instance = instance
        self.execution_id = execution_id
        self.task_result = None

    def _ensure_execution_result_started(self, input_data) -> WorkFlowTaskResult:
        if self.task_result:
            return self.task_result
        task_result = (WorkFlowTaskResult.objects.filter(bot_work_flow=self.instance, execution_id=self.execution_id)
                       .order_by("-id").first())
        if task_result is None:
            task_result = WorkFlowTaskResult.objects.create(
                bot_work_flow=self.instance, execution_id=self.execution_id, status="running",
                input_data=json.dumps(input_data))
        self.task_result = task_result
        return task_result

    def _record_execution_result(self, input_data, result, success: bool) -> None:
        try:
            task_result = self._ensure_execution_result_started(input_data)
            task_result.status = "success" if success else "fail"
            task_result.last_output = result if isinstance(result, str) else json.dumps(result)
            task_result.finished_at = timezone.now()
            task_result.save(update_fields=["status", "last_output", "finished_at"])
            WorkFlowTaskNodeResult.objects.filter(
                execution_id=self.execution_id, task_result__isnull=True).update(task_result=task_result)
        except Exception:
            logger.exception("recording the execution result failed: %s", self.execution_id)

    async def _record_execution_result_async(self, input_data, result, success: bool) -> None:
        await sync_to_async(self._record_execution_result)(input_data, result, success)

    def sse_execute(self, input_data, execute_method):
        async def generate_stream():
            accumulated = []
            try:
                stream = await sync_to_async(execute_method, thread_sensitive=False)(input_data)
                async for chunk in stream:
                    accumulated.append(chunk)
                    yield chunk
                await self._record_execution_result_async(input_data, "".join(accumulated), True)
            except Exception as e:
                yield f"data: {json.dumps({'type': 'ERROR', 'error': str(e)})}\n\n"
                await self._record_execution_result_async(input_data, {"success": False, "error": str(e)}, False)

        return StreamingHttpResponse(generate_stream(), content_type="text/event-stream")
