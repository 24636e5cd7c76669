"""Recall reduction (recall15): the bot's ``async def`` that sends a new member the application form
imports the form-field model inside the function, builds the server's fields QuerySet and asks
``fields.exists()`` directly: a query on the bot's event loop. Our own minimal rewrite of the shape, not
upstream code."""


async def send_application_form(member, server_id):
    from vicnas_form.models import FormField

    fields = FormField.objects.filter(server_id=server_id).order_by("order")
    if not fields.exists():  # [sync-orm-call-in-async]
        await member.send("No form configured.")
        return
    await member.send("Please answer the questions.")
