"""Expense claims: claimed by an employee, approved by their manager, paid by finance."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from yecai import validation as v
from yecai.actor import Actor
from yecai.audit import service as audit
from yecai.auth.models import User
from yecai.db import utcnow
from yecai.errors import DomainError, denied, invalid, not_found
from yecai.operations import errors, policies
from yecai.operations.cash import positive_money
from yecai.operations.common import assign_number, idempotency, publish_event, remember, replayed
from yecai.operations.models import (
    DocumentState,
    ExpenseCategory,
    ExpenseClaim,
)

# ---------------------------------------------------------------- expense claims


async def create_expense_claim(session: AsyncSession, *, actor: Actor, category: ExpenseCategory | str,
                               amount: Decimal, description: str, day: date,
                               idempotency_key: str | None = None) -> ExpenseClaim:
    """Claim an expense for oneself; it goes to one's department manager for approval."""
    if not policies.can_claim(actor):
        raise denied()
    call = idempotency(actor, "create_expense_claim", idempotency_key,
                       {"category": str(category), "amount": amount, "description": description, "day": day})
    if (earlier := await replayed(session, actor, call)) is not None:
        return earlier
    try:
        kind = ExpenseCategory(category)
    except ValueError:
        raise invalid("category", "未知的费用类别", "unknown expense category") from None
    user = await session.get(User, actor.user_id)
    if user is None or user.department_id is None:
        raise invalid("departmentId", "报销人须属于某个部门", "the claimant must belong to a department")
    claim = ExpenseClaim(number="", date=day, department_id=user.department_id, state=DocumentState.SUBMITTED,
                         created_by_id=actor.user_id, claimant_id=user.id,
                         category=kind, amount=positive_money(amount, "amount"),
                         description=v.required_text(description, "description", max_len=500))
    session.add(claim)
    await session.flush()
    await assign_number(session, claim)
    await audit.record(session, actor=actor, action="expense_claim.create", subject_type="expense_claim",
                       subject_id=claim.id, after=audit.snapshot(claim))
    await remember(session, call, claim)
    return claim


async def approve_expense_claim(session: AsyncSession, *, actor: Actor, claim_id: int,
                                approve: bool = True) -> ExpenseClaim:
    """The claimant's department manager approves (or rejects) a submitted claim."""
    claim = await session.get(ExpenseClaim, claim_id)
    if claim is None or not (policies.can_see_department(actor, claim.department_id) or actor.is_user(
            claim.claimant_id)):
        raise not_found()
    if actor.is_user(claim.claimant_id):
        raise DomainError(errors.SELF_APPROVAL, field="id")
    if claim.state != DocumentState.SUBMITTED:
        raise DomainError(errors.WRONG_STATE, field="id")
    if not policies.can_approve_claim(actor, claim):
        raise denied()
    before = audit.snapshot(claim)
    claim.state = DocumentState.APPROVED if approve else DocumentState.REJECTED
    claim.approver_id, claim.approved_at = actor.user_id, utcnow()
    await session.flush()
    await audit.record(session, actor=actor, action="expense_claim.approve" if approve else "expense_claim.reject",
                       subject_type="expense_claim", subject_id=claim.id, before=before, after=audit.snapshot(claim))
    return claim


async def pay_expense_claim(session: AsyncSession, *, actor: Actor, claim_id: int, day: date) -> ExpenseClaim:
    """Finance pays an approved claim from the bank; the expense lands on the department's account."""
    claim = await session.get(ExpenseClaim, claim_id)
    if claim is None or not policies.can_see_department(actor, claim.department_id):
        raise not_found()
    if claim.state != DocumentState.APPROVED:
        raise DomainError(errors.WRONG_STATE, field="id")
    if not policies.can_pay_claim(actor, claim):
        raise denied()
    before = audit.snapshot(claim)
    claim.state, claim.paid_at, claim.paid_on = DocumentState.DONE, utcnow(), day
    await session.flush()
    await audit.record(session, actor=actor, action="expense_claim.pay", subject_type="expense_claim",
                       subject_id=claim.id, before=before, after=audit.snapshot(claim))
    await publish_event(session, actor, claim)
    return claim


