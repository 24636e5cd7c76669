"""Recall reduction (recall20): a lobby ``AsyncJsonWebsocketConsumer`` creates a remote match and, for a
player without a team, a new ``Team`` -- then adds the player with ``team.users.aadd(self.user)`` without
await: the many-to-many row is never written and the team stays empty. Our own minimal rewrite of the
shape, not upstream code."""

from channels.generic.websocket import AsyncJsonWebsocketConsumer

from pong_rooms.models import Match, MatchTeam, Team


class LobbyConsumer(AsyncJsonWebsocketConsumer):
    async def create_match(self, content):
        match = await Match.objects.acreate()
        team = await Team.objects.filter(users=self.user).afirst()
        if team is None:
            team = await Team.objects.acreate()
            team.users.aadd(self.user)  # [async-call-not-awaited]
        await MatchTeam.objects.acreate(match=match, team=team)
        return str(match.pk)
