"""Fixed form of strawberrydjango875_atomic_on_async_mutation_bad.py: the transactional work is a sync
function run through ``sync_to_async``, which the async mutation awaits."""

import strawberry
import strawberry_django
from asgiref.sync import sync_to_async
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


@transaction.atomic
def _create_user(email):
    if User.objects.filter(email=email).exists():
        raise ValidationError({"email": "Email already exists."})
    return User.objects.create(username=email, email=email)


@strawberry.type
class Mutation:
    @strawberry_django.mutation(handle_django_errors=True)
    async def create_user(self, input: UserInput) -> UserType:
        return await sync_to_async(_create_user)(input.email)
