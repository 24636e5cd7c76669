"""Translation helper of the tr_utils package: googletrans first, a DeepL HTTP call with requests as the
fallback. Plain functions (they block on the network)."""

import requests
from django.conf import settings
from googletrans import Translator


def translate_fallback(text, language):
    try:
        response = requests.post("https://api-free.deepl.com/v2/translate",
                                 data={"auth_key": settings.DEEPL_KEY, "text": text,
                                       "target_lang": language.upper()}, timeout=10)
        return response.json()["translations"][0]["text"]
    except Exception:
        return text


def translate_text(text, language):
    try:
        return Translator().translate(text, dest=language).text
    except Exception:
        return translate_fallback(text, language)
