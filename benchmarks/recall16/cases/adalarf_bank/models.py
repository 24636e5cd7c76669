"""Models of the adalarf_bank helper package."""

from django.db import models


class Customer(models.Model):
    name = models.CharField(max_length=80)
    favourites = models.ManyToManyField("self", symmetrical=False)


class Account(models.Model):
    number = models.CharField(max_length=20, unique=True)
    holder = models.ForeignKey(Customer, on_delete=models.PROTECT)
    balance = models.DecimalField(max_digits=20, decimal_places=2, default=0)
