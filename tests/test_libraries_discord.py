"""discord.py's objects: every method the table lists as a coroutine is one in the installed library,
so a call left without await only makes a coroutine (async-call-not-awaited, discord_bots.py)."""

from __future__ import annotations

import inspect

import pytest

from asynclint.libraries import discord_bots as table

discord = pytest.importorskip("discord")
from discord import app_commands  # noqa: E402
from discord.ext import commands  # noqa: E402

#: The discord.py classes behind each kind (py-cord's application context and slash groups are not
#: in discord.py: both install the package ``discord``; their rows were read in py-cord 2.8.1).
CLASSES = {
    table.COMMAND_CONTEXT: (commands.Context,),
    table.INTERACTION: (discord.Interaction,),
    table.INTERACTION_RESPONSE: (discord.InteractionResponse,),
    table.WEBHOOK: (discord.Webhook,),
    table.GUILD: (discord.Guild,),
    table.MEMBER: (discord.Member, discord.User),
    table.MESSAGE: (discord.Message,),
    table.CHANNEL: (discord.TextChannel, discord.Thread, discord.DMChannel, discord.VoiceChannel),
    table.ROLE: (discord.Role,),
    table.CLIENT: (discord.Client,),
    table.COMMANDS_BOT: (commands.Bot,),
    table.APP_COMMAND_TREE: (app_commands.CommandTree,),
}


@pytest.mark.parametrize("kind", sorted(CLASSES))
def test_listed_methods_are_coroutine_functions_where_they_exist(kind):
    found = set()
    for cls in CLASSES[kind]:
        for name in table.ASYNC_METHODS[kind]:
            if not hasattr(cls, name):
                continue  # the other library's name (py-cord's respond(), trigger_typing()...)
            attribute = inspect.getattr_static(cls, name)
            function = getattr(attribute, "__func__", attribute)
            assert inspect.iscoroutinefunction(function), f"{cls.__name__}.{name} is not a coroutine function"
            found.add(name)
    assert found, kind  # the kind is this library's too


def test_an_unawaited_call_runs_nothing():
    """``guild.fetch_member(1)`` without await: a coroutine, and no request (the state is never touched)."""

    class NoState:
        def __getattr__(self, name):
            raise AssertionError(f"the call ran: it read {name}")

    coroutine = discord.Guild.fetch_member(NoState(), 1)
    assert inspect.iscoroutine(coroutine)
    coroutine.close()


#: py-cord's own classes (its application commands), absent from discord.py.
PYCORD_ONLY = frozenset({"ApplicationContext", "SlashCommandGroup", "discord.Bot", "discord.bot.Bot",
                         "discord.AutoShardedBot"})


def test_annotations_name_the_installed_classes():
    import importlib

    for qualified in table.CALL_RESULT_KINDS:
        module, _, name = qualified.rpartition(".")
        if name in PYCORD_ONLY or qualified in PYCORD_ONLY:
            continue
        assert hasattr(importlib.import_module(module), name), qualified
