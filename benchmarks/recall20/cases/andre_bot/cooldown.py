"""Publishing cooldown of the andre_bot helper package: plain functions that keep the last publication
time in the Setting table."""

from datetime import datetime

from .models import Setting

MINUTES = 30


def _last_published():
    value = Setting.read("last_story", "")
    return datetime.fromisoformat(value) if value else None


def may_publish(now=None):
    now = now or datetime.now()
    last = _last_published()
    if last and (now - last).total_seconds() < MINUTES * 60:
        return False, "cooldown"
    return True, "ok"


def record_publication(now=None):
    Setting.write("last_story", (now or datetime.now()).isoformat())
