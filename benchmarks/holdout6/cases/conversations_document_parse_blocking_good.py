"""Fixed shape: the parse-and-store call runs in a worker thread (asyncio.to_thread)."""

import asyncio
from io import BytesIO

import requests
from django.conf import settings
from django.utils.module_loading import import_string


class BaseRagBackend:
    def __init__(self, collection_id):
        self.collection_id = collection_id

    def parse_document(self, name, content_type, content):
        raise NotImplementedError

    def store_document(self, name, content):
        raise NotImplementedError

    def parse_and_store_document(self, name, content_type, content):
        text = self.parse_document(name, content_type, content)
        self.store_document(name, text)
        return text


class AlbertRagBackend(BaseRagBackend):
    def parse_document(self, name, content_type, content):
        response = requests.post(settings.PARSER_URL, files={"file": (name, BytesIO(content), content_type)}, timeout=60)
        response.raise_for_status()
        return response.text

    def store_document(self, name, content):
        requests.post(settings.DOCUMENTS_URL, json={"collection": self.collection_id, "name": name, "text": content}, timeout=60)


document_store_backend = import_string(settings.RAG_DOCUMENT_SEARCH_BACKEND)


class AIAgentService:
    def __init__(self, conversation):
        self.conversation = conversation

    async def parse_input_documents(self, documents):
        document_store = document_store_backend(self.conversation.collection_id)
        parsed = []
        for document in documents:
            parsed.append(await asyncio.to_thread(
                document_store.parse_and_store_document,
                name=document.identifier, content_type=document.media_type, content=document.data,
            ))
        return parsed
