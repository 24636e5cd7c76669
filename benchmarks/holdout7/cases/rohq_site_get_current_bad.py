"""An async helper, awaited by an async DRF-style view, texts a one-time password and appends an
opt-out link built from the current Site: `Site.objects.get_current()` is a sync ORM query on the
event loop (SynchronousOnlyOperation under ASGI until the sites cache is warm), caught by the
helper's bare `except`, so the code was never sent."""

from django.contrib.sites.models import Site


def opt_out_text(domain):
    return f"\n\nOpt out at https://{domain}/preferences/"


async def send_one_time_password(sms_client, phone_number, otp_token):
    try:
        body = f"Your verification code is {otp_token}" + opt_out_text(
            Site.objects.get_current().domain  # [sync-orm-call-in-async]
        )
        await sms_client.send(to=phone_number, body=body)
        return True
    except Exception:
        return False
