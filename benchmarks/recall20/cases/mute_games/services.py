"""Services of the mute_games helper package: draw the losers of a game (runs in a thread)."""

import random

from asgiref.sync import sync_to_async

from .models import Loss, Outcome


@sync_to_async
def finish(game):
    outcome = Outcome.objects.create(game=game)
    for seat in random.sample(list(game.seat_set.all()), 1):
        Loss.objects.create(outcome=outcome, seat=seat)
    return outcome
