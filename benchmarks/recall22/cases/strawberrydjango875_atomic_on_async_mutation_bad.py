"""Recall reduction (recall22): strawberry-django issue #875 ('Can not use @atomic with async
mutation'): an ``async def`` mutation decorated with ``@transaction.atomic`` under
``@strawberry_django.mutation``: ``atomic`` wraps the coroutine function in a sync function (the
transaction covers only the creation of the coroutine, not its body), and strawberry, seeing a sync
resolver return a coroutine, fails ('The type "<class 'coroutine'>" cannot be resolved'); the
reporter confirms removing the decorator fixes it. Our own minimal rewrite."""

import strawberry
import strawberry_django
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction


@strawberry.input
class UserInput:
    email: str
    password: str


@strawberry_django.type(User)
class UserType:
    id: strawberry.auto
    email: strawberry.auto


@strawberry.type
class Mutation:
    @strawberry_django.mutation(handle_django_errors=True)
    @transaction.atomic  # [sync-transaction-in-async]
    async def create_user(self, input: UserInput) -> UserType:
        if await User.objects.filter(email=input.email).aexists():
            raise ValidationError({"email": "Email already exists."})
        return await User.objects.acreate(username=input.email, email=input.email)
