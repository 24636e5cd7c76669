"""A Discord bot on the Django ORM: the staff check became a coroutine function, but the inventory
privacy helper still calls it without await. The coroutine object is always true, so every user
passes as staff and private inventories are shown to anyone."""

import discord
from django.db import models


class Player(models.Model):
    discord_id = models.BigIntegerField(unique=True)
    privacy_policy = models.SmallIntegerField(default=1)


class StaffUser(models.Model):
    discord_id = models.BigIntegerField(unique=True)
    is_staff = models.BooleanField(default=False)


async def is_staff(interaction: discord.Interaction, *perms: str) -> bool:
    user = await StaffUser.objects.filter(discord_id=interaction.user.id).afirst()
    return bool(user and user.is_staff)


async def inventory_privacy(interaction: discord.Interaction, player: Player) -> bool:
    viewer, _ = await Player.objects.aget_or_create(discord_id=interaction.user.id)
    if interaction.user.id == player.discord_id:
        return True
    if is_staff(interaction):  # [async-call-not-awaited]
        return True
    if player.privacy_policy == 2:
        await interaction.followup.send("This user has set their inventory to private.", ephemeral=True)
        return False
    return viewer.pk is not None
