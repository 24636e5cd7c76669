"""The race's state manager: plain methods that lock and write the session row."""

from django.db import transaction
from django.utils import timezone

from sudoku_race.models import RaceMove, RaceSession


class RaceStateManager:
    def __init__(self, session):
        self.session = session

    def start(self):
        with transaction.atomic():
            race = RaceSession.objects.select_for_update().get(pk=self.session.pk)
            if race.status != "waiting":
                return False, None
            race.status = "running"
            race.started_at = timezone.now()
            race.save()
            return True, race.started_at.isoformat()

    def record_move(self, player_id, cell, value):
        RaceMove.objects.create(session=self.session, player_id=player_id, cell=cell, value=value)
        return True
