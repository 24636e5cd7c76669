"""Helper package of the Davokadoh reduction (recall20): teams of a remote pong game."""
