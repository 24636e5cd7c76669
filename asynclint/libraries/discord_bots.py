"""discord.py and py-cord: the bot objects whose methods are coroutines (``async-call-not-awaited``).

A Discord bot's handlers get the library's objects: a command's context, an interaction, the message
or member of an event. Nearly every method of those objects that talks to Discord is an ``async
def`` (``guild.fetch_member()``, ``channel.send()``, ``message.add_reaction()``, ``ctx.respond()``):
called without ``await`` it only makes a coroutine, and nothing is sent or fetched. Both libraries
install the package ``discord``, with the same names for the shared classes, so one table covers
both; names that only one of them has are listed too (on the other library's object the call fails
with AttributeError anyway).

How an object is known, never by a method's name alone (unknown receiver, silent):
- a parameter's annotation (``ctx: discord.ApplicationContext``, ``message: discord.Message``), or a
  constructor (``commands.Bot(...)``, ``SlashCommandGroup(...)``);
- the handler signature the library calls: the first parameter (after ``self``) of a command decorated
  with the library's decorators (``@commands.command()``, ``@commands.slash_command()``,
  ``@bot.command()``, ``@group.command()`` of a ``SlashCommandGroup``, ``@app_commands.command()``),
  and the parameters of an event listener (``@commands.Cog.listener()``, ``@bot.event``,
  ``@bot.listen()``), by the event's name (``on_message(message)``, ``on_member_join(member)``);
- an attribute or getter of a known object (``ctx.guild``, ``message.channel``, ``guild.get_member(id)``).

Read in discord.py 2.7.1 and py-cord 2.8.1 (``inspect.iscoroutinefunction`` of each class's methods;
py-cord's ``ApplicationContext.defer``/``send_modal``/``send_response``/``send_followup``/``edit`` are
properties returning the interaction's coroutine methods). Async iterators (``channel.history()``,
``guild.fetch_members()``) are left out: py-cord returns iterator objects there, discord.py async
generators.
"""

from __future__ import annotations

SYNC_APIS = ()  # no sync API: what matters here is what must be awaited

COMMAND_CONTEXT = "discord.py command context"
APPLICATION_CONTEXT = "py-cord application context"
INTERACTION = "Discord interaction"
INTERACTION_RESPONSE = "Discord interaction response"
WEBHOOK = "Discord webhook"
GUILD = "Discord guild"
MEMBER = "Discord member or user"
MESSAGE = "Discord message"
CHANNEL = "Discord channel"
ROLE = "Discord role"
CLIENT = "Discord client"
COMMANDS_BOT = "discord.ext.commands bot"
APPLICATION_BOT = "py-cord application bot"
SLASH_GROUP = "py-cord slash command group"
APP_COMMAND_TREE = "discord.py app command tree"

_CLIENT_METHODS = frozenset({
    "fetch_user", "fetch_channel", "fetch_guild", "fetch_invite", "fetch_webhook", "fetch_sticker", "fetch_template",
    "fetch_widget", "fetch_stage_instance", "fetch_skus", "fetch_premium_sticker_packs", "fetch_guild_preview",
    "fetch_emoji", "fetch_emojis", "fetch_application", "get_or_fetch", "create_dm", "change_presence",
    "wait_until_ready", "application_info", "delete_invite", "close", "login", "start", "connect",
})
#: (``add_cog()``/``load_extension()`` are coroutines in discord.py 2 but sync in py-cord: left out.)
_BOT_METHODS = _CLIENT_METHODS | {"process_commands", "get_context", "is_owner", "get_prefix", "invoke",
                                  "sync_commands", "register_commands", "process_application_commands"}
_MESSAGEABLE = frozenset({"send", "fetch_message", "trigger_typing"})

ASYNC_METHODS = {
    COMMAND_CONTEXT: _MESSAGEABLE | {"reply", "invoke", "reinvoke", "send_help", "defer", "forward_to"},
    APPLICATION_CONTEXT: _MESSAGEABLE | {"respond", "delete", "invoke", "defer", "send_modal", "send_response",
                                         "send_followup", "edit"},
    INTERACTION: frozenset({"original_response", "edit_original_response", "delete_original_response", "respond",
                            "edit", "translate"}),
    INTERACTION_RESPONSE: frozenset({"defer", "edit_message", "pong", "send_message", "send_modal", "autocomplete",
                                     "launch_activity", "send_autocomplete_result"}),
    WEBHOOK: frozenset({"send", "edit", "delete", "fetch", "fetch_message", "edit_message", "delete_message"}),
    GUILD: frozenset({
        "fetch_member", "fetch_channel", "fetch_channels", "fetch_role", "fetch_roles", "fetch_ban", "fetch_emoji",
        "fetch_emojis", "fetch_sticker", "fetch_stickers", "fetch_scheduled_event", "fetch_scheduled_events",
        "get_or_fetch", "ban", "unban", "bulk_ban", "kick", "leave", "edit", "chunk", "query_members",
        "prune_members", "estimate_pruned_members", "create_role", "create_text_channel", "create_voice_channel",
        "create_category", "create_category_channel", "create_stage_channel", "create_forum", "create_forum_channel",
        "create_custom_emoji", "create_sticker", "create_template", "create_integration", "create_scheduled_event",
        "delete_emoji", "delete_sticker", "edit_role_positions", "edit_widget", "edit_welcome_screen",
        "welcome_screen", "integrations", "invites", "templates", "webhooks", "vanity_invite", "widget",
        "active_threads", "change_voice_state", "onboarding", "edit_onboarding",
    }),
    MEMBER: _MESSAGEABLE | {"add_roles", "remove_roles", "ban", "unban", "kick", "edit", "move_to", "timeout",
                            "remove_timeout", "timeout_for", "create_dm", "request_to_speak", "fetch_voice"},
    MESSAGE: frozenset({"add_reaction", "remove_reaction", "clear_reaction", "clear_reactions", "create_thread",
                        "delete", "edit", "end_poll", "pin", "unpin", "publish", "reply", "fetch", "forward",
                        "forward_to", "fetch_thread", "add_files", "remove_attachments"}),
    CHANNEL: _MESSAGEABLE | {"delete", "edit", "purge", "delete_messages", "clone", "create_invite", "create_thread",
                             "create_webhook", "follow", "invites", "move", "set_permissions", "webhooks",
                             "add_user", "remove_user", "join", "leave", "archive", "unarchive"},
    ROLE: frozenset({"delete", "edit", "move"}),
    CLIENT: _CLIENT_METHODS,
    COMMANDS_BOT: _BOT_METHODS,
    APPLICATION_BOT: _BOT_METHODS,
    APP_COMMAND_TREE: frozenset({"sync", "fetch_commands", "fetch_command"}),
}

#: Constructors, and the classes an annotation names (both libraries' public and defining modules).
CALL_RESULT_KINDS = {
    **dict.fromkeys(("discord.ext.commands.Context", "discord.ext.commands.context.Context"), COMMAND_CONTEXT),
    **dict.fromkeys(("discord.ApplicationContext", "discord.commands.ApplicationContext",
                     "discord.commands.context.ApplicationContext"), APPLICATION_CONTEXT),
    **dict.fromkeys(("discord.Interaction", "discord.interactions.Interaction"), INTERACTION),
    **dict.fromkeys(("discord.InteractionResponse", "discord.interactions.InteractionResponse"), INTERACTION_RESPONSE),
    **dict.fromkeys(("discord.Webhook", "discord.webhook.Webhook", "discord.webhook.async_.Webhook",
                     "discord.WebhookMessage"), WEBHOOK),
    **dict.fromkeys(("discord.Guild", "discord.guild.Guild"), GUILD),
    **dict.fromkeys(("discord.Member", "discord.member.Member", "discord.User", "discord.user.User",
                     "discord.abc.User"), MEMBER),
    **dict.fromkeys(("discord.Message", "discord.message.Message"), MESSAGE),
    **dict.fromkeys(("discord.TextChannel", "discord.channel.TextChannel", "discord.Thread", "discord.threads.Thread",
                     "discord.DMChannel", "discord.channel.DMChannel", "discord.VoiceChannel",
                     "discord.channel.VoiceChannel", "discord.abc.Messageable"), CHANNEL),
    **dict.fromkeys(("discord.Role", "discord.role.Role"), ROLE),
    **dict.fromkeys(("discord.Client", "discord.client.Client", "discord.AutoShardedClient"), CLIENT),
    **dict.fromkeys(("discord.ext.commands.Bot", "discord.ext.commands.bot.Bot", "discord.ext.commands.AutoShardedBot"),
                    COMMANDS_BOT),
    **dict.fromkeys(("discord.Bot", "discord.bot.Bot", "discord.AutoShardedBot"), APPLICATION_BOT),
    **dict.fromkeys(("discord.SlashCommandGroup", "discord.commands.SlashCommandGroup",
                     "discord.commands.core.SlashCommandGroup"), SLASH_GROUP),
    **dict.fromkeys(("discord.app_commands.CommandTree", "discord.app_commands.tree.CommandTree"), APP_COMMAND_TREE),
}

_CONTEXT_ATTRIBUTES = {"guild": GUILD, "channel": CHANNEL, "author": MEMBER, "message": MESSAGE, "me": MEMBER}
_GETTERS = {"get_channel()": CHANNEL, "get_guild()": GUILD, "get_user()": MEMBER, "user": MEMBER}
#: Attributes and getters of a known object that are objects of a kind (``ctx.guild``, ``guild.get_member(id)``).
DERIVED_KINDS = {
    **{(COMMAND_CONTEXT, name): kind for name, kind in {**_CONTEXT_ATTRIBUTES, "bot": COMMANDS_BOT}.items()},
    **{(APPLICATION_CONTEXT, name): kind for name, kind in {
        **_CONTEXT_ATTRIBUTES, "user": MEMBER, "interaction": INTERACTION, "response": INTERACTION_RESPONSE,
        "followup": WEBHOOK}.items()},
    **{(INTERACTION, name): kind for name, kind in {
        "guild": GUILD, "channel": CHANNEL, "user": MEMBER, "message": MESSAGE, "response": INTERACTION_RESPONSE,
        "followup": WEBHOOK, "client": CLIENT}.items()},
    **{(MESSAGE, name): kind for name, kind in {"guild": GUILD, "channel": CHANNEL, "author": MEMBER}.items()},
    (MEMBER, "guild"): GUILD,
    (CHANNEL, "guild"): GUILD,
    **{(GUILD, name): kind for name, kind in {"me": MEMBER, "owner": MEMBER, "get_member()": MEMBER,
                                              "get_channel()": CHANNEL, "get_thread()": CHANNEL,
                                              "get_role()": ROLE}.items()},
    **{(bot, name): kind for bot in (CLIENT, COMMANDS_BOT, APPLICATION_BOT) for name, kind in _GETTERS.items()},
    (APPLICATION_BOT, "create_group()"): SLASH_GROUP,
    (COMMANDS_BOT, "create_group()"): SLASH_GROUP,
    (COMMANDS_BOT, "tree"): APP_COMMAND_TREE,
    (SLASH_GROUP, "create_subgroup()"): SLASH_GROUP,
}

_PREFIX = (COMMAND_CONTEXT,)
_APPLICATION = (APPLICATION_CONTEXT,)
#: Decorators whose function the library calls as a command: the kinds of its parameters after
#: ``self`` (the first one: the context or the interaction; the rest are the user's arguments).
HANDLER_DECORATOR_KINDS = {
    **dict.fromkeys(("discord.ext.commands.command", "discord.ext.commands.group", "discord.ext.commands.hybrid_command",
                     "discord.ext.commands.hybrid_group"), _PREFIX),
    **dict.fromkeys(("discord.slash_command", "discord.user_command", "discord.message_command",
                     "discord.application_command", "discord.commands.slash_command", "discord.commands.user_command",
                     "discord.commands.message_command", "discord.commands.application_command",
                     "discord.ext.commands.slash_command", "discord.ext.commands.user_command",
                     "discord.ext.commands.message_command"), _APPLICATION),
    **dict.fromkeys(("discord.app_commands.command", "discord.app_commands.context_menu"), (INTERACTION,)),
}
#: ...and decorator methods, by the kind of their receiver (``@bot.command()``, ``@group.command()``).
#: py-cord's ``discord.Bot.command`` makes an application command; ``commands.Bot.command`` (both
#: libraries) a prefix command.
HANDLER_DECORATOR_METHOD_KINDS = {
    **{(COMMANDS_BOT, name): _PREFIX for name in ("command", "group", "hybrid_command", "hybrid_group")},
    **{(bot, name): _APPLICATION for bot in (COMMANDS_BOT, APPLICATION_BOT)
       for name in ("slash_command", "user_command", "message_command", "application_command")},
    (APPLICATION_BOT, "command"): _APPLICATION,
    (SLASH_GROUP, "command"): _APPLICATION,
    (APP_COMMAND_TREE, "command"): (INTERACTION,),
    (APP_COMMAND_TREE, "context_menu"): (INTERACTION,),
}
#: Decorators registering an event listener (the event: the decorator's first string argument, else the
#: function's name), and the kinds of each event's parameters.
EVENT_DECORATORS = frozenset({"discord.ext.commands.Cog.listener", "discord.Cog.listener", "discord.cog.Cog.listener"})
EVENT_DECORATOR_METHODS = frozenset((bot, name) for bot in (CLIENT, COMMANDS_BOT, APPLICATION_BOT)
                                    for name in ("event", "listen"))
EVENT_PARAMETER_KINDS = {
    "on_message": (MESSAGE,), "on_message_delete": (MESSAGE,), "on_message_edit": (MESSAGE, MESSAGE),
    "on_member_join": (MEMBER,), "on_member_remove": (MEMBER,), "on_member_update": (MEMBER, MEMBER),
    "on_member_ban": (GUILD, MEMBER), "on_member_unban": (GUILD, MEMBER), "on_guild_join": (GUILD,),
    "on_guild_remove": (GUILD,), "on_reaction_add": (None, MEMBER), "on_reaction_remove": (None, MEMBER),
    "on_interaction": (INTERACTION,), "on_command_error": (COMMAND_CONTEXT,),
    "on_application_command_error": (APPLICATION_CONTEXT,), "on_thread_join": (CHANNEL,),
}


#: What ``asynclint rules --libraries`` lists for this family (library, what, rules, versions).
COVERED = (
    ("discord.py", "coroutine methods of command contexts, interactions, guilds, members, messages, channels, "
     "clients", "async-call-not-awaited", "2.7.1 (every listed method checked as a coroutine function)"),
    ("py-cord", "the same, and ApplicationContext (respond(), defer()...), SlashCommandGroup commands",
     "async-call-not-awaited", "2.8.1 (read; not a test dependency: it installs the same package as discord.py)"),
)
