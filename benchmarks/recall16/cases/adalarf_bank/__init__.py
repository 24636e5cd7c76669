"""Helper package of the adalarf_* reductions (recall16): a tiny bank app whose account has an owner
(a foreign key), and whose favourites live on the owner; ``favorites`` holds the service functions the
bot's handlers call. Our own minimal rewrite of the shapes, not upstream code."""
