"""Settings of the reductions' Django project: django-redis as the default cache, as the pong projects of
nextlevel_* and artful_* configure it (our own minimal settings)."""

INSTALLED_APPS = ["django.contrib.contenttypes", "ailibi", "pong_log", "sudoku_race", "territory"]

CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://redis:6379/1"}}
