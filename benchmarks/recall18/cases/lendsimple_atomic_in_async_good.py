"""Fixed form (recall18): the transactional block is a sync function run in a worker thread."""

from asgiref.sync import sync_to_async
from django.db import models, transaction


class Loan(models.Model):
    status = models.CharField(max_length=20, default="pending")


def _approve(loan_id):
    with transaction.atomic():
        loan = Loan.objects.select_for_update().get(id=loan_id)
        loan.status = "approved"
        loan.save()
    return loan


async def approve_loan(*, loan_id):
    return await sync_to_async(_approve)(loan_id)
