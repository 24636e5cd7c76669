"""Helper package of the andresperes33 reductions (recall20): a deals channel mirror (Telethon, run by a
management command) and a PTB v20 alert bot over the same Django models."""
