"""Fixed shape: the library call runs on a worker thread."""

import asyncio

from open_learning_ai_tutor.message_tutor import message_tutor


class TutorBot:
    def __init__(self, llm, problem, problem_set):
        self.llm = llm
        self.problem = problem
        self.problem_set = problem_set

    async def get_completion(self, message, chat_history, intent_history, assessment_history):
        generator, new_intents, new_assessments = await asyncio.to_thread(
            message_tutor,
            self.problem,
            self.problem_set,
            self.llm,
            [message],
            chat_history,
            assessment_history,
            intent_history,
        )
        async for chunk in generator:
            yield chunk
