"""The shared analysis every rule stands on; no messages here.

- ``imports``: qualified names of expressions, through the module's imports, and their definitions
  in other modules of the project;
- ``event_loop``: which code runs on the event loop;
- ``django_kinds``: what Django object an expression is, and which sync Django API a call is;
- ``versions``: the targeted Django version;
- ``describe``: how messages show source code.
"""
