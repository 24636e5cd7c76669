"""WSGI entry point: ``bookshop.wsgi:application`` (used by ``manage.py runserver``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bookshop.settings")

application = get_wsgi_application()
