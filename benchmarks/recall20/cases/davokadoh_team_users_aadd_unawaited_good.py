"""Fixed form of davokadoh_team_users_aadd_unawaited (recall20): the related manager's write is awaited."""

from channels.generic.websocket import AsyncJsonWebsocketConsumer

from pong_rooms.models import Match, MatchTeam, Team


class LobbyConsumer(AsyncJsonWebsocketConsumer):
    async def create_match(self, content):
        match = await Match.objects.acreate()
        team = await Team.objects.filter(users=self.user).afirst()
        if team is None:
            team = await Team.objects.acreate()
            await team.users.aadd(self.user)
        await MatchTeam.objects.acreate(match=match, team=team)
        return str(match.pk)
