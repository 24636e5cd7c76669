"""Recall reduction (recall19): a blog note on SynchronousOnlyOperation (DRF project): an upload
client's ``async def upload`` reads files with aiofiles but first calls its own sync
``get_access_token()``, which reads the token from the database, so the query runs on the loop; its
sync retrying HTTP helper then blocks the loop per file. Our own minimal rewrite of the shape."""

import os

import aiofiles
import requests
from django.db import models


class AccessToken(models.Model):
    account = models.CharField(max_length=64)
    value = models.CharField(max_length=256)


class StorageClient:
    def __init__(self, base_url, account):
        self.base_url = base_url
        self.account = account

    def get_access_token(self):
        return AccessToken.objects.get(account=self.account).value

    def request_retry(self, method, url, retries=3, **kwargs):
        for attempt in range(retries):
            response = requests.request(method, url, **kwargs)
            if response.status_code < 500:
                return response
        return response

    async def upload(self, path, *files):
        token = self.get_access_token()  # [missing-sync-to-async]
        for file in files:
            name = os.path.basename(file)
            async with aiofiles.open(file, mode="rb") as f:
                data = await f.read()
            url = f"{self.base_url}/{path}/{name}"
            response = self.request_retry("put", url, data=data, headers={"Authorization": token})  # [missing-sync-to-async]
            response.raise_for_status()
        return f"{self.base_url}/{path}"
