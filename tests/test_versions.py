"""The targeted Django and library versions come from the project (asynclint.core.versions): the
option, else the installed release when the project's requirement admits it, else what the
requirement declares; every requirement format a project uses is read."""

from __future__ import annotations

import json

import pytest

from asynclint import cli
from asynclint.core import versions

#: The same requirement (Django 4.2.x, django-ninja below 1.5) in each format a project may use.
FORMATS = {
    "pyproject [project]": {"pyproject.toml": '[project]\nname = "x"\ndependencies = ["Django>=4.2,<5", '
                                              '"django-ninja>=1.1,<1.5"]\n'},
    "poetry": {"pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.11"\nDjango = "~4.2"\n'
                                 'django-ninja = {version = "^1.1,<1.5"}\n'},
    "setup.cfg": {"setup.cfg": "[metadata]\nname = x\n\n[options]\ninstall_requires =\n    Django>=4.2,<5\n"
                               "    django_ninja>=1.1,<1.5\n"},
    "setup.py": {"setup.py": "from setuptools import setup\n\nREQUIRES = ['Django>=4.2,<5', 'django-ninja>=1.1,<1.5']\n"
                             "setup(name='x', install_requires=REQUIRES)\n"},
    "Pipfile": {"Pipfile": '[packages]\ndjango = ">=4.2,<5"\ndjango-ninja = {version = ">=1.1,<1.5"}\n\n'
                           '[dev-packages]\npytest = "*"\n'},
    "requirements": {"requirements.txt": "-r requirements/base.txt\n",
                     "requirements/base.txt": "Django>=4.2,<5  # LTS\ndjango-ninja>=1.1,<1.5\n"},
}


def installed_django(monkeypatch, release: str) -> None:
    numbers = tuple(int(part) for part in release.split("."))
    monkeypatch.setattr(versions, "installed", lambda: numbers[:2])
    monkeypatch.setattr(versions, "installed_release", lambda name: numbers)
    monkeypatch.setattr(versions.metadata, "version", lambda name: release)


def write(root, files):
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


@pytest.mark.parametrize("form", FORMATS)
def test_every_requirement_format_is_read(tmp_path, form):
    write(tmp_path, FORMATS[form])
    (tmp_path / "app").mkdir()
    assert versions.requirement(tmp_path / "app")[0] == (4, 2)  # found walking up
    ninja = versions.library("django-ninja", tmp_path / "app")
    assert ninja is not None and ninja.before((1, 5)) is True and ninja.before((1, 1)) is False


def test_installed_release_admitted_by_the_requirement_is_targeted(tmp_path, monkeypatch):
    installed_django(monkeypatch, "4.2.11")
    write(tmp_path, {"requirements.txt": "django>=4.2,<5\n"})
    found = versions.detect("", tmp_path)
    assert found.version == (4, 2) and "which the django requirement in" in found.reason


def test_installed_release_the_requirement_excludes_is_not_targeted(tmp_path, monkeypatch):
    installed_django(monkeypatch, "5.2.3")
    write(tmp_path, {"requirements.txt": "django>=4.1,<5\n"})
    found = versions.detect("", tmp_path)
    assert found.version == (4, 1)
    assert found.reason.startswith("the installed Django (5.2.3) is not admitted: the lowest version admitted")
    assert versions.detect("5.0", tmp_path).version == (5, 0)  # the option still wins


def test_requirement_admitting_only_django_2_targets_3_0(tmp_path, monkeypatch):
    """OpenSlides 3: ``Django>=2.1,<2.3``: no async views or middleware modes."""
    installed_django(monkeypatch, "5.2.3")
    write(tmp_path, {"requirements.txt": "-r requirements/production.txt\n",
                     "requirements/production.txt": "channels>=2.1.2,<2.4\nDjango>=2.1,<2.3\n"})
    found = versions.detect("", tmp_path)
    assert found.version == versions.OLDEST and "only releases older than 3.0" in found.reason


@pytest.mark.parametrize(("requirement", "classifiers", "expected"), [
    ("django<6.0.0", ["Framework :: Django", "Framework :: Django :: 5"], (5, 0)),  # suitenumerique/docs
    ("django<6.0.0", ["Framework :: Django :: 5.2", "Framework :: Django :: 4.2"], (4, 2)),
    ("django<6.0.0", [], (3, 0)),  # nothing says more than the requirement
    ("django>=4.2,<6.0", ["Framework :: Django :: 5.2"], (4, 2)),  # a lower bound wins
])
def test_classifiers_give_the_floor_of_a_requirement_without_one(tmp_path, monkeypatch, requirement, classifiers,
                                                                    expected):
    """Without Django installed, an upper-bound-only requirement targets the lowest Django the project's
    classifiers name, not 3.0 (which would silence the middleware rules)."""
    monkeypatch.setattr(versions, "installed", lambda: None)
    monkeypatch.setattr(versions, "installed_release", lambda name: None)
    listed = "".join(f'    "{classifier}",\n' for classifier in classifiers)
    write(tmp_path, {"pyproject.toml": f'[project]\nname = "docs"\ndependencies = ["{requirement}"]\n'
                                       f'classifiers = [\n{listed}]\n'})
    assert versions.detect("", tmp_path).version == expected


def test_unreadable_requirement_falls_back_to_the_installed_django(tmp_path, monkeypatch):
    installed_django(monkeypatch, "5.2.3")
    write(tmp_path, {"requirements.txt": "django>=four\n"})
    assert versions.detect("", tmp_path).version == (5, 2)


def test_no_requirement_keeps_the_installed_django(tmp_path, monkeypatch):
    installed_django(monkeypatch, "5.1.4")
    write(tmp_path, {"pyproject.toml": '[project]\nname = "x"\ndependencies = ["requests"]\n'})
    assert versions.detect("", tmp_path).reason == "the installed Django (5.1.4)"


def test_library_version_order(tmp_path, monkeypatch):
    """The option, else the installed release if admitted, else the declared range, else unknown."""
    write(tmp_path, {"requirements.txt": "django-ninja==1.4.5\n"})
    monkeypatch.setattr(versions, "installed_release", lambda name: (1, 7, 1))
    assert versions.library("django-ninja", tmp_path).before((1, 5)) is True  # 1.7.1 is not admitted
    assert versions.library("django-ninja", tmp_path, {"django-ninja": (1, 6)}).before((1, 5)) is False
    write(tmp_path, {"requirements.txt": "django-ninja>=1.0\n"})
    assert versions.library("django-ninja", tmp_path).before((1, 5)) is False  # installed 1.7.1, admitted
    monkeypatch.setattr(versions, "installed_release", lambda name: None)
    assert versions.library("django-ninja", tmp_path).before((1, 5)) is None  # 1.0 and up: straddles
    write(tmp_path, {"requirements.txt": "requests\n"})
    assert versions.library("django-ninja", tmp_path) is None


@pytest.mark.parametrize(("option", "expected"), [
    ("django-ninja==1.4.5, adrf==0.1.6", {"django-ninja": (1, 4, 5), "adrf": (0, 1, 6)}),
    (["Django_Ninja==1.5"], {"django-ninja": (1, 5)}), ("", {}),
])
def test_library_versions_option(option, expected):
    assert versions.configured_versions(option) == expected


def test_library_versions_option_rejects_a_bare_name():
    with pytest.raises(versions.InvalidRequirement, match="expected 'distribution==version'"):
        versions.configured_versions("django-ninja")


SYNC_MIDDLEWARE = ("class StampMiddleware:\n    def __init__(self, get_response):\n        self.get_response = "
                   "get_response\n\n    def __call__(self, request):\n        return self.get_response(request)\n")


@pytest.mark.parametrize(("requirement", "reported"), [("Django>=2.1,<2.3\n", False), ("Django>=4.2\n", True)])
def test_middleware_rules_follow_the_projects_django(tmp_path, monkeypatch, capsys, requirement, reported):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"requirements.txt": requirement, "middleware.py": SYNC_MIDDLEWARE,
                     "asgi.py": "from django.core.asgi import get_asgi_application\n\napplication = "
                                "get_asgi_application()\n"})
    cli.main(["check", "-f", "json", "--no-cache", "--exit-zero", "--select", "sync-only-middleware"])
    found = json.loads(capsys.readouterr().out or "[]")
    assert bool(found) is reported


def check_project(tmp_path, monkeypatch, capsys, library: str, requirement: str, module: str, source: str,
                  rule: str = "sync-orm-call-in-async") -> list:
    """``asynclint check`` (``rule``) on a small ``shop`` project that requires ``requirement`` and has no
    ``library`` installed."""
    real = versions.installed_release
    monkeypatch.setattr(versions, "installed_release", lambda name: None if name == library else real(name))
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"requirements.txt": f"{requirement}\n", "shop/__init__.py": "", f"shop/{module}.py": source,
                     "shop/models.py": "from django.db import models\n\n\nclass Reader(models.Model):\n"
                                       "    key = models.CharField(max_length=40)\n"})
    cli.main(["check", "-f", "json", "--no-cache", "--exit-zero", "-j", "1", "--select", rule])
    return json.loads(capsys.readouterr().out or "[]")


NINJA_API = '''from ninja import NinjaAPI

from shop.models import Reader


def reader_key(request):
    return Reader.objects.filter(key=request.headers.get("X-Key")).first()


api = NinjaAPI(auth=reader_key)


@api.get("/me")
async def me(request):
    return {"id": request.auth.pk}
'''


@pytest.mark.parametrize(("requirement", "certainty"), [
    ("django-ninja>=1.0,<1.5", "definite"),  # every targeted release runs the callback on the loop
    ("django-ninja>=1.0", "possible"),  # some do, 1.5.0+ does not
    ("django-ninja>=1.5", None),  # every targeted release bridges it
    ("requests", None),  # the version is unknown: silent
])
def test_ninja_auth_callbacks_follow_the_projects_ninja(tmp_path, monkeypatch, capsys, requirement, certainty):
    found = check_project(tmp_path, monkeypatch, capsys, "django-ninja", requirement, "api", NINJA_API)
    assert [f["certainty"] for f in found] == ([certainty] if certainty else [])
    if certainty:
        assert "django-ninja before 1.5.0 calls on the event loop" in found[0]["message"]


ADRF_VIEW = '''from adrf.generics import GenericAPIView
from rest_framework.response import Response

from shop.models import Reader


class ReaderDetail(GenericAPIView):
    queryset = Reader.objects.all()

    async def get(self, request, *args, **kwargs):
        reader = self.get_object()
        return Response({"key": reader.key})
'''


@pytest.mark.parametrize(("requirement", "suggested"), [
    ("adrf==0.1.6", "the targeted adrf (adrf ==0.1.6, required in"),  # aget_object arrives in 0.1.7
    ("adrf>=0.1.7", "await self.aget_object("),
    ("adrf>=0.1.0", "await self.aget_object("),  # some targeted releases have it: named, with its release
])
def test_library_replacements_exist_in_the_targeted_release(tmp_path, monkeypatch, capsys, requirement, suggested):
    found = check_project(tmp_path, monkeypatch, capsys, "adrf", requirement, "views", ADRF_VIEW)
    assert len(found) == 1 and suggested in found[0]["message"], found


MONGO_VIEW = '''from pymongo import MongoClient

orders = MongoClient()["shop"]["orders"]


async def last_order(request):
    return orders.find_one({})
'''
PUSH_VIEW = '''from firebase_admin import messaging


async def notify(request):
    messaging.send(messaging.Message(topic="orders"))
'''


@pytest.mark.parametrize(("library", "requirement", "source", "suggested"), [
    ("pymongo", "pymongo==4.8.0", MONGO_VIEW, "the targeted pymongo (pymongo ==4.8.0, required in"),  # 4.9 adds it
    ("pymongo", "pymongo>=4.13", MONGO_VIEW, "on a pymongo.AsyncMongoClient"),
    ("firebase-admin", "firebase-admin==6.5.0", PUSH_VIEW, "the targeted firebase-admin (firebase-admin ==6.5.0"),
    ("firebase-admin", "firebase-admin>=7", PUSH_VIEW, "await firebase_admin.messaging.send_each_async("),
])
def test_client_replacements_exist_in_the_targeted_release(tmp_path, monkeypatch, capsys, library, requirement,
                                                           source, suggested):
    found = check_project(tmp_path, monkeypatch, capsys, library, requirement, "views", source,
                          rule="blocking-call-in-async")
    assert len(found) == 1 and suggested in found[0]["message"], found


LEGACY_MARKER = ("import asyncio\n\n\nclass StampMiddleware:\n    async_capable = True\n    sync_capable = False\n\n"
                 "    def __init__(self, get_response):\n        self.get_response = get_response\n"
                 "        self._is_coroutine = asyncio.coroutines._is_coroutine\n\n"
                 "    async def __call__(self, request):\n        return await self.get_response(request)\n")


@pytest.mark.parametrize(("requirement", "reported"), [
    ("Django>=3.2\n", True),  # 3.2 targeted, but 4.2+ admitted: on Python 3.12 there the marker is ignored
    ("Django>=3.2,<4.2\n", False),  # only releases that ask asyncio, which reads the marker
])
def test_legacy_marker_follows_every_django_the_requirement_admits(tmp_path, monkeypatch, capsys, requirement,
                                                                    reported):
    """Without Django installed the target is the lowest admitted release; the legacy coroutine marker
    question is about the later ones too (holdout10 miss cause 4: permissions_policy_private_marker)."""
    monkeypatch.setattr(versions, "installed", lambda: None)
    monkeypatch.setattr(versions, "installed_release", lambda name: None)
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"requirements.txt": requirement, "middleware.py": LEGACY_MARKER})
    cli.main(["check", "-f", "json", "--no-cache", "--exit-zero", "-j", "1", "--select", "middleware-async-mode-mismatch"])
    found = json.loads(capsys.readouterr().out or "[]")
    assert bool(found) is reported
    assert all(finding.get("certainty", "possible") == "possible" for finding in found), found


def test_target_admits_later_releases_of_its_requirement():
    target = versions.Target((3, 2), "lowest", ">=3.2")
    assert target.admits_from((4, 2)) and not versions.Target((3, 2), "lowest", ">=3.2,<4").admits_from((4, 2))
    assert not versions.Target((3, 2), "installed").admits_from((4, 2))
