"""Fixed form of andresperes_alert_bot_get_or_create (recall20): the query runs in a ``@sync_to_async``
function."""

from asgiref.sync import sync_to_async
from telegram.ext import ApplicationBuilder, MessageHandler, filters

from andre_bot.models import KeywordAlert


@sync_to_async
def save_alert(chat_id, keyword):
    return KeywordAlert.objects.get_or_create(chat_id=chat_id, keyword=keyword)


async def on_text(update, context):
    if not context.user_data.get("adding"):
        return
    keyword = update.message.text.strip().lower()
    alert, created = await save_alert(update.effective_chat.id, keyword)
    context.user_data["adding"] = False
    await update.message.reply_text("Saved" if created else "Already on your list")


def run(token):
    app = ApplicationBuilder().token(token).build()
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, on_text))
    app.run_polling()
