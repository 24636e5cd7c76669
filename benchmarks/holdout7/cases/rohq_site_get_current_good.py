"""Fixed shape: the Site lookup runs through sync_to_async. (Upstream's SMS client call stayed sync;
this reduction uses an awaited client so that only the Site lookup differs.)"""

from asgiref.sync import sync_to_async
from django.contrib.sites.models import Site


def opt_out_text(domain):
    return f"\n\nOpt out at https://{domain}/preferences/"


@sync_to_async
def current_domain():
    return Site.objects.get_current().domain


async def send_one_time_password(sms_client, phone_number, otp_token):
    try:
        domain = await current_domain()
        body = f"Your verification code is {otp_token}" + opt_out_text(domain)
        await sms_client.send(to=phone_number, body=body)
        return True
    except Exception:
        return False
