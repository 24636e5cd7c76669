"""By-hand runtime proof of the graphene rows (graphene is not a test dependency: graphene 3.4 pins
graphql-core below 3.3, and the strawberry and ariadne proofs run on 3.3).

Install graphene beside the project's venv without touching its graphql-core, then run this file:

    .venv/bin/pip install --no-deps --target /tmp/graphene graphene==3.4.3 graphql-core==3.2.6 graphql-relay==3.2.0
    PYTHONPATH=/tmp/graphene .venv/bin/python benchmarks/graphene_proof.py

It runs the fixtures' shapes under ``await schema.execute_async(...)`` against SQLite: a sync resolver
that queries, a sync mutation and a resolver returning a QuerySet fail with SynchronousOnlyOperation
(graphql-core reports it in ``result.errors``); async resolvers, and the sync ``schema.execute``, work.
"""

from __future__ import annotations

import asyncio
import os
import tempfile

import django
from django.conf import settings

settings.configure(DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.path.join(tempfile.mkdtemp(), "proof.sqlite3")}},
                   INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth"])
django.setup()

import graphene  # noqa: E402
import graphql  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402


class GroupType(graphene.ObjectType):
    name = graphene.String()


class Query(graphene.ObjectType):
    group_count = graphene.Int()
    groups = graphene.List(GroupType)
    async_count = graphene.Int()

    def resolve_group_count(root, info):
        return Group.objects.count()

    def resolve_groups(root, info):
        return Group.objects.all()

    async def resolve_async_count(root, info):
        return await Group.objects.acount()


class Rename(graphene.Mutation):
    class Arguments:
        name = graphene.String(required=True)

    name = graphene.String()

    def mutate(root, info, name):
        Group.objects.filter(pk=1).update(name=name)
        return Rename(name=name)


class Mutation(graphene.ObjectType):
    rename = Rename.Field()


schema = graphene.Schema(query=Query, mutation=Mutation)


def main() -> int:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    Group.objects.create(name="readers")
    print(f"graphene {graphene.__version__}, graphql-core {graphql.__version__}, django {django.__version__}")
    failures = 0
    for operation, must_fail in (("{ groupCount }", True), ("{ groups { name } }", True),
                                 ('mutation { rename(name: "x") { name } }', True), ("{ asyncCount }", False)):
        result = asyncio.run(schema.execute_async(operation))
        errors = [str(error) for error in result.errors or ()]
        failed = any("async context" in error for error in errors)
        print(f"execute_async {operation!r}: {'SynchronousOnlyOperation' if failed else (result.data, errors)}")
        failures += failed != must_fail or (not must_fail and (errors or not any(result.data.values())))
    sync = schema.execute("{ groupCount groups { name } }")
    print(f"execute (sync) : {sync.data} errors={sync.errors}")
    failures += sync.errors is not None
    print("proof holds" if not failures else f"{failures} unexpected outcomes")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
