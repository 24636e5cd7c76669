"""Recall reduction (recall20): a python-telegram-bot v20 alert bot (``django.setup()`` at import, run by
a management command) saves the keyword a user typed with the manager's ``get_or_create()`` directly in
its ``async def`` message handler: SynchronousOnlyOperation on the bot's loop, so no alert is ever
saved. Our own minimal rewrite of the shape, not upstream code."""

from telegram.ext import ApplicationBuilder, MessageHandler, filters

from andre_bot.models import KeywordAlert


async def on_text(update, context):
    if not context.user_data.get("adding"):
        return
    keyword = update.message.text.strip().lower()
    alert, created = KeywordAlert.objects.get_or_create(  # [sync-orm-call-in-async]
        chat_id=update.effective_chat.id, keyword=keyword)
    context.user_data["adding"] = False
    await update.message.reply_text("Saved" if created else "Already on your list")


def run(token):
    app = ApplicationBuilder().token(token).build()
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, on_text))
    app.run_polling()
