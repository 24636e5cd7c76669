"""Helper package of the kuschanow reductions (recall20): a chat game whose losers get muted."""
