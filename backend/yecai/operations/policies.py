"""Who may do what with business documents: pure rules over (actor, object)."""

from __future__ import annotations

from typing import Any

from yecai.actor import Actor
from yecai.operations import permissions as p
from yecai.operations.models import DocumentState, ExpenseClaim


def can_read(actor: Actor) -> bool:
    return actor.has(p.OPERATIONS_READ)


def reads_all_departments(actor: Actor) -> bool:
    return actor.has(p.OPERATIONS_READ_ALL)


def can_see_department(actor: Actor, department_id: int | None) -> bool:
    return can_read(actor) and (reads_all_departments(actor) or department_id == actor.department_id)


def can_see_document(actor: Actor, document: Any) -> bool:
    """A document of one's own department (or of any, with the right), and one's own expense claims."""
    if isinstance(document, ExpenseClaim) and actor.is_user(document.claimant_id):
        return True
    return can_see_department(actor, document.department_id)


def can_see_master_data(actor: Actor) -> bool:
    """Customers, suppliers, products and warehouses: for whoever reads documents or keeps master data."""
    return can_read(actor) or can_manage_master_data(actor)


def can_manage_master_data(actor: Actor) -> bool:
    return actor.has(p.MASTER_DATA)


def can_create_for(actor: Actor, department_id: int | None) -> bool:
    """Business staff enter documents of their own department; some roles for any department."""
    return actor.has(p.CREATE_DOCUMENTS) and (actor.has(p.ALL_DEPARTMENTS) or (
        department_id is not None and department_id == actor.department_id))


def can_record_cash(actor: Actor) -> bool:
    return actor.has(p.RECORD_CASH)


def can_claim(actor: Actor) -> bool:
    return actor.kind == "user" and actor.has(p.CLAIM_EXPENSES)


def can_approve_claim(actor: Actor, claim: ExpenseClaim) -> bool:
    # The manager of the claimant's department, never for their own claim.
    return (actor.has(p.APPROVE_CLAIMS) and claim.department_id == actor.department_id
            and not actor.is_user(claim.claimant_id) and claim.state == DocumentState.SUBMITTED)


def can_pay_claim(actor: Actor, claim: ExpenseClaim) -> bool:
    return actor.has(p.PAY_CLAIMS) and claim.state == DocumentState.APPROVED


# ---------------------------------------------------------------- attachments (receipts, invoice scans)

CLAIM_OPEN_STATES = (DocumentState.DRAFT, DocumentState.SUBMITTED)


def can_attach_to_claim(actor: Actor, claim: ExpenseClaim) -> bool:
    """The claimant adds receipts while the claim is not yet approved: after that they back its voucher."""
    return can_claim(actor) and actor.is_user(claim.claimant_id) and claim.state in CLAIM_OPEN_STATES


def can_delete_claim_attachment(actor: Actor, claim: ExpenseClaim, uploaded_by_id: int | None) -> bool:
    """Its uploader, or the manager of the claim's department, while the claim is open."""
    if claim.state not in CLAIM_OPEN_STATES:
        return False
    if actor.is_user(uploaded_by_id) and can_attach_to_claim(actor, claim):
        return True
    return actor.has(p.APPROVE_CLAIMS) and claim.department_id == actor.department_id


def can_attach_to_receipt(actor: Actor, receipt: Any) -> bool:
    """Who may enter the receipt's department's documents adds its supplier's invoice scans, unless it is cancelled."""
    return can_create_for(actor, receipt.department_id) and receipt.state != DocumentState.CANCELLED


def can_delete_receipt_attachment(actor: Actor, receipt: Any, uploaded_by_id: int | None) -> bool:
    return can_attach_to_receipt(actor, receipt)
