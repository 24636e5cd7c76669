"""Chat command handling of the mine_chat package: a command rewrites the game state and tells the game
group through the channel layer from sync code."""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

COMMANDS = ("remove", "winner")


def run_command(data):
    layer = get_channel_layer()
    async_to_sync(layer.group_send)(data["game"], {"type": "game.update", "cmd": data["cmd"]})
    return True


def handle_chat(data):
    words = data["message"].lower().split()
    for word in words:
        if word in COMMANDS:
            data["cmd"] = word
            return [False, word] if run_command(data) else [True]
    return [True]
