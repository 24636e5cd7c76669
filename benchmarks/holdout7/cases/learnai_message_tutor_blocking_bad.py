"""The tutor bot's async completion generator calls the tutoring library's `message_tutor(...)`, a
sync function that classifies the student's intent and assesses the answer with LLM calls before it
returns the response stream: seconds of blocking network I/O on the event loop that serves every
other chat stream of the process."""

from open_learning_ai_tutor.message_tutor import message_tutor


class TutorBot:
    def __init__(self, llm, problem, problem_set):
        self.llm = llm
        self.problem = problem
        self.problem_set = problem_set

    async def get_completion(self, message, chat_history, intent_history, assessment_history):
        generator, new_intents, new_assessments = message_tutor(  # [blocking-call-in-async]
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
