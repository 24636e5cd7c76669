"""Recall reduction (recall19): a library guide (django-async-extensions, "Model form"): building an
update form in async code starts from ``Author.objects.get(pk=1)``, which fails on the loop with the
"can't do synchronous operations in an async environment" error the guide describes. Our own minimal
rewrite as an async update view."""

from django import forms
from django.db import models
from django.http import JsonResponse
from django.urls import reverse


class Author(models.Model):
    name = models.CharField(max_length=200)

    def get_absolute_url(self):
        return reverse("author-detail", kwargs={"pk": self.pk})


class AuthorForm(forms.ModelForm):
    class Meta:
        model = Author
        fields = ("name",)


async def author_edit(request, pk):
    author = Author.objects.get(pk=pk)  # [sync-orm-call-in-async]
    form = AuthorForm(instance=author)
    return JsonResponse({"initial": form.initial})
