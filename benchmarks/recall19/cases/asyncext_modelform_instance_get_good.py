"""Fixed form (recall19): the instance loaded with ``aget()``."""

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
    author = await Author.objects.aget(pk=pk)
    form = AuthorForm(instance=author)
    return JsonResponse({"initial": form.initial})
