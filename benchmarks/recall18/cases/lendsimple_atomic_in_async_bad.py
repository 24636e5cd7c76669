"""Recall reduction (recall18): a project's published architecture notes ('Async Patterns') tell
readers that a sync ``with transaction.atomic():`` works inside an ``async def`` service around
``aget()``/``asave()``: entering the block touches the connection on the loop (SynchronousOnlyOperation),
and the a-methods run in a worker thread outside it anyway. Our own minimal rewrite of the shape."""

from django.db import models, transaction


class Loan(models.Model):
    status = models.CharField(max_length=20, default="pending")


async def approve_loan(*, loan_id):
    with transaction.atomic():  # [sync-transaction-in-async]
        loan = await Loan.objects.aget(id=loan_id)
        loan.status = "approved"
        await loan.asave()
    return loan
