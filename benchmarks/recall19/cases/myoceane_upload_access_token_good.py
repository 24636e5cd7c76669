"""Fixed form (recall19): the note's advice (run the token lookup through sync_to_async and await it;
the code it prints wraps an async def in async_to_sync, which would raise inside the running loop),
and the sync HTTP helper run in a thread too."""

import os

import aiofiles
import requests
from asgiref.sync import sync_to_async
from django.db import models


class AccessToken(models.Model):
    account = models.CharField(max_length=64)
    value = models.CharField(max_length=256)


class StorageClient:
    def __init__(self, base_url, account):
        self.base_url = base_url
        self.account = account

    @sync_to_async
    def get_access_token(self):
        return AccessToken.objects.get(account=self.account).value

    def request_retry(self, method, url, retries=3, **kwargs):
        for attempt in range(retries):
            response = requests.request(method, url, **kwargs)
            if response.status_code < 500:
                return response
        return response

    async def upload(self, path, *files):
        token = await self.get_access_token()
        for file in files:
            name = os.path.basename(file)
            async with aiofiles.open(file, mode="rb") as f:
                data = await f.read()
            url = f"{self.base_url}/{path}/{name}"
            response = await sync_to_async(self.request_retry)("put", url, data=data, headers={"Authorization": token})
            response.raise_for_status()
        return f"{self.base_url}/{path}"
