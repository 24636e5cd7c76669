"""Fixed: the staff check is awaited."""

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
    if await is_staff(interaction):
        return True
    if player.privacy_policy == 2:
        await interaction.followup.send("This user has set their inventory to private.", ephemeral=True)
        return False
    return viewer.pk is not None
