"""Runtime proof for how asynclint reads ``ASGI_APPLICATION`` (asynclint.core.deployment): Django never
reads that setting. Without daphne (or Channels before 4.0) in INSTALLED_APPS, ``manage.py runserver``
is Django's own command (here staticfiles' subclass) and serves the WSGI application, so a leftover ``ASGI_APPLICATION`` does not
make the project's requests go through the ASGI handler (fixture
``sync-only-middleware-in-settings/leftover-asgi-application``, silent).

The fixture project is set up in a subprocess (its own settings module), so this test shares nothing
with the other runtime proofs' configuration.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.runtime.support import FIXTURES

pytest.importorskip("django")

pytestmark = pytest.mark.django_runtime

PROJECT = FIXTURES / "sync-only-middleware-in-settings" / "leftover-asgi-application"

PROBE = """
import django
django.setup()
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import get_commands, load_command_class

settings.MIDDLEWARE = []  # whitenoise is not installed here: the handler's class is what is proved
app = get_commands()["runserver"]
handler = load_command_class(app, "runserver").get_handler(use_static_handler=True, insecure_serving=False)
inner = getattr(handler, "application", handler)  # staticfiles' handler wraps the WSGI one
print(settings.ASGI_APPLICATION, app, type(inner).__name__, isinstance(inner, WSGIHandler))
"""


def test_runserver_serves_wsgi_despite_a_leftover_asgi_application():
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "shop.settings", "PYTHONPATH": str(PROJECT)}
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=PROJECT, env=environment, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["shop.asgi.application", "django.contrib.staticfiles", "WSGIHandler", "True"]
