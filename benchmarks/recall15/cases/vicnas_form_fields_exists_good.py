"""Fixed shape of vicnas_form_fields_exists_bad.py: the fields are loaded in a worker thread."""

from asgiref.sync import sync_to_async


async def send_application_form(member, server_id):
    from vicnas_form.models import FormField

    fields = await sync_to_async(lambda: list(FormField.objects.filter(server_id=server_id).order_by("order")))()
    if not fields:
        await member.send("No form configured.")
        return
    await member.send("Please answer the questions.")
