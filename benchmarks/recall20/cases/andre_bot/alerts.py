"""Alert fan-out of the andre_bot helper package: a plain function that reads the active alerts and posts
to the Bot API with requests (meant for a worker thread)."""

import requests
from django.conf import settings

from .models import KeywordAlert


def notify_subscribers(text):
    alerts = KeywordAlert.objects.filter(active=True)
    if not alerts.exists():
        return 0
    sent = 0
    for alert in alerts:
        if alert.keyword in text.lower():
            requests.post(f"https://api.telegram.org/bot{settings.BOT_TOKEN}/sendMessage",
                          data={"chat_id": alert.chat_id, "text": text}, timeout=20)
            sent += 1
    return sent
