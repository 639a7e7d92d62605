"""ledger: accounts, periods, vouchers; default grants

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 12:24:21.018559+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import yecai.db

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "ASSET", "LIABILITY", "EQUITY", "COST", "PROFIT_LOSS", name="accounttype", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column(
            "direction", sa.Enum("DEBIT", "CREDIT", name="direction", native_enum=False, length=20), nullable=False
        ),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("dimensions", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", yecai.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", yecai.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["account.id"], name=op.f("fk_account_parent_id_account"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account")),
        sa.UniqueConstraint("code", name=op.f("uq_account_code")),
    )
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_account_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "role_default_grant",
        sa.Column("role_code", sa.String(length=64), nullable=False),
        sa.Column("permission", sa.String(length=100), nullable=False),
        sa.Column("granted_at", yecai.db.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("role_code", "permission", name=op.f("pk_role_default_grant")),
    )
    op.create_table(
        "fiscal_period",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=7), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column(
            "status", sa.Enum("OPEN", "CLOSED", name="periodstatus", native_enum=False, length=20), nullable=False
        ),
        sa.Column("last_voucher_number", sa.Integer(), nullable=False),
        sa.Column("closed_at", yecai.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("closed_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("month BETWEEN 1 AND 12", name=op.f("ck_fiscal_period_month_range")),
        sa.ForeignKeyConstraint(
            ["closed_by_id"],
            ["user_account.id"],
            name=op.f("fk_fiscal_period_closed_by_id_user_account"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fiscal_period")),
        sa.UniqueConstraint("code", name=op.f("uq_fiscal_period_code")),
        sa.UniqueConstraint("year", "month", name=op.f("uq_fiscal_period_year_month")),
    )
    op.create_table(
        "voucher",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("word", sa.String(length=4), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("summary", sa.String(length=200), nullable=False),
        sa.Column(
            "state",
            sa.Enum("DRAFT", "REVIEWED", "POSTED", name="voucherstate", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column(
            "origin",
            sa.Enum("MANUAL", "RULE", "REVERSAL", name="voucherorigin", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("total_debit", yecai.db.Fixed(scale=2), nullable=False),
        sa.Column("total_credit", yecai.db.Fixed(scale=2), nullable=False),
        sa.Column("preparer_id", sa.Integer(), nullable=True),
        sa.Column("reviewer_id", sa.Integer(), nullable=True),
        sa.Column("reviewed_at", yecai.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("poster_id", sa.Integer(), nullable=True),
        sa.Column("posted_at", yecai.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("reversal_of_id", sa.Integer(), nullable=True),
        sa.Column("source_type", sa.String(length=40), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("created_at", yecai.db.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("state <> 'POSTED' OR (total_debit = total_credit AND total_debit > 0)", name=op.f("ck_voucher_posted_balances")),
        sa.ForeignKeyConstraint(
            ["period_id"], ["fiscal_period.id"], name=op.f("fk_voucher_period_id_fiscal_period"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["poster_id"], ["user_account.id"], name=op.f("fk_voucher_poster_id_user_account"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["preparer_id"], ["user_account.id"], name=op.f("fk_voucher_preparer_id_user_account"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["reversal_of_id"], ["voucher.id"], name=op.f("fk_voucher_reversal_of_id_voucher"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"], ["user_account.id"], name=op.f("fk_voucher_reviewer_id_user_account"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_voucher")),
        sa.UniqueConstraint("period_id", "word", "number", name=op.f("uq_voucher_period_id_word_number")),
        sa.UniqueConstraint("reversal_of_id", name=op.f("uq_voucher_reversal_of_id")),
    )
    with op.batch_alter_table("voucher", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_voucher_period_id"), ["period_id"], unique=False)
        batch_op.create_index("ix_voucher_source", ["source_type", "source_id"], unique=False)

    op.create_table(
        "voucher_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("voucher_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("summary", sa.String(length=200), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("debit", yecai.db.Fixed(scale=2), nullable=False),
        sa.Column("credit", yecai.db.Fixed(scale=2), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("supplier_id", sa.Integer(), nullable=True),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("project", sa.String(length=64), nullable=True),
        sa.Column("source_type", sa.String(length=40), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("source_line_id", sa.Integer(), nullable=True),
        sa.Column("rule_version_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("(debit = 0) <> (credit = 0)", name=op.f("ck_voucher_line_one_side")),
        sa.CheckConstraint("debit >= 0 AND credit >= 0", name=op.f("ck_voucher_line_non_negative")),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.id"], name=op.f("fk_voucher_line_account_id_account"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_voucher_line_department_id_department"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["voucher_id"], ["voucher.id"], name=op.f("fk_voucher_line_voucher_id_voucher"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_voucher_line")),
        sa.UniqueConstraint("voucher_id", "line_no", name=op.f("uq_voucher_line_voucher_id_line_no")),
    )
    with op.batch_alter_table("voucher_line", schema=None) as batch_op:
        batch_op.create_index("ix_voucher_line_account", ["account_id", "voucher_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_voucher_line_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_voucher_line_product_id"), ["product_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_voucher_line_rule_version_id"), ["rule_version_id"], unique=False)
        batch_op.create_index("ix_voucher_line_source", ["source_type", "source_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_voucher_line_supplier_id"), ["supplier_id"], unique=False)

    # Default grants already given on this install count as applied.
    op.execute(
        "INSERT INTO role_default_grant (role_code, permission, granted_at) "
        "SELECT role.code, role_permission.permission, CURRENT_TIMESTAMP FROM role "
        "JOIN role_permission ON role_permission.role_id = role.id WHERE role.builtin"
    )
    _create_voucher_guards()


def downgrade() -> None:
    _drop_voucher_guards()
    with op.batch_alter_table("voucher_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_voucher_line_supplier_id"))
        batch_op.drop_index("ix_voucher_line_source")
        batch_op.drop_index(batch_op.f("ix_voucher_line_rule_version_id"))
        batch_op.drop_index(batch_op.f("ix_voucher_line_product_id"))
        batch_op.drop_index(batch_op.f("ix_voucher_line_customer_id"))
        batch_op.drop_index("ix_voucher_line_account")

    op.drop_table("voucher_line")
    with op.batch_alter_table("voucher", schema=None) as batch_op:
        batch_op.drop_index("ix_voucher_source")
        batch_op.drop_index(batch_op.f("ix_voucher_period_id"))

    op.drop_table("voucher")
    op.drop_table("fiscal_period")
    op.drop_table("role_default_grant")
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_parent_id"))

    op.drop_table("account")


# The database itself keeps every voucher's totals equal to its lines, refuses lines on
# vouchers that are not drafts, and refuses any change to a posted voucher. Together with
# the CHECK that a posted voucher's totals are equal, no unbalanced voucher can be posted.
_GUARDS = {
    "voucher_line_insert": (
        "BEFORE INSERT ON voucher_line",
        "NEW.voucher_id",
        "voucher lines can only be added to a draft voucher",
    ),
    "voucher_line_update": (
        "BEFORE UPDATE ON voucher_line",
        "OLD.voucher_id",
        "lines of a voucher that is not a draft cannot change",
    ),
    "voucher_line_delete": (
        "BEFORE DELETE ON voucher_line",
        "OLD.voucher_id",
        "lines of a voucher that is not a draft cannot be deleted",
    ),
}


def _create_voucher_guards() -> None:
    if op.get_context().dialect.name == "sqlite":
        for name, (when, voucher, message) in _GUARDS.items():
            op.execute(
                f"CREATE TRIGGER {name}_guard {when} "
                f"WHEN (SELECT state FROM voucher WHERE id = {voucher}) <> 'DRAFT' "
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )
        op.execute(
            "CREATE TRIGGER voucher_line_insert_totals AFTER INSERT ON voucher_line BEGIN "
            "UPDATE voucher SET total_debit = total_debit + NEW.debit, total_credit = total_credit + NEW.credit "
            "WHERE id = NEW.voucher_id; END"
        )
        op.execute(
            "CREATE TRIGGER voucher_line_update_totals AFTER UPDATE ON voucher_line BEGIN "
            "UPDATE voucher SET total_debit = total_debit - OLD.debit + NEW.debit, "
            "total_credit = total_credit - OLD.credit + NEW.credit WHERE id = NEW.voucher_id; END"
        )
        op.execute(
            "CREATE TRIGGER voucher_line_delete_totals AFTER DELETE ON voucher_line BEGIN "
            "UPDATE voucher SET total_debit = total_debit - OLD.debit, total_credit = total_credit - OLD.credit "
            "WHERE id = OLD.voucher_id; END"
        )
        op.execute(
            "CREATE TRIGGER voucher_posted_update_guard BEFORE UPDATE ON voucher WHEN OLD.state = 'POSTED' "
            "BEGIN SELECT RAISE(ABORT, 'a posted voucher never changes'); END"
        )
        op.execute(
            "CREATE TRIGGER voucher_posted_delete_guard BEFORE DELETE ON voucher WHEN OLD.state = 'POSTED' "
            "BEGIN SELECT RAISE(ABORT, 'a posted voucher is never deleted'); END"
        )
        return
    for name, (when, voucher, message) in _GUARDS.items():
        # BEFORE triggers hand back the row to write: NEW for INSERT and UPDATE, OLD for DELETE.
        row = "OLD" if "DELETE" in when else "NEW"
        op.execute(f"""
            CREATE FUNCTION {name}_guard() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF (SELECT state FROM voucher WHERE id = {voucher}) <> 'DRAFT' THEN
                    RAISE EXCEPTION '{message}';
                END IF;
                RETURN {row};
            END $$""")
        op.execute(f"CREATE TRIGGER {name}_guard {when} FOR EACH ROW EXECUTE FUNCTION {name}_guard()")
    op.execute("""
        CREATE FUNCTION voucher_line_totals() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                UPDATE voucher SET total_debit = total_debit - OLD.debit, total_credit = total_credit - OLD.credit
                WHERE id = OLD.voucher_id;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                UPDATE voucher SET total_debit = total_debit + NEW.debit, total_credit = total_credit + NEW.credit
                WHERE id = NEW.voucher_id;
            END IF;
            RETURN NULL;
        END $$""")
    op.execute(
        "CREATE TRIGGER voucher_line_totals AFTER INSERT OR UPDATE OR DELETE ON voucher_line "
        "FOR EACH ROW EXECUTE FUNCTION voucher_line_totals()"
    )
    op.execute("""
        CREATE FUNCTION voucher_posted_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.state = 'POSTED' THEN
                RAISE EXCEPTION 'a posted voucher never changes';
            END IF;
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END $$""")
    op.execute(
        "CREATE TRIGGER voucher_posted_guard BEFORE UPDATE OR DELETE ON voucher "
        "FOR EACH ROW EXECUTE FUNCTION voucher_posted_guard()"
    )


def _drop_voucher_guards() -> None:
    if op.get_context().dialect.name == "sqlite":
        for name in [
            *(f"{n}_guard" for n in _GUARDS),
            "voucher_line_insert_totals",
            "voucher_line_update_totals",
            "voucher_line_delete_totals",
            "voucher_posted_update_guard",
            "voucher_posted_delete_guard",
        ]:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        return
    for name in _GUARDS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}_guard ON voucher_line")
        op.execute(f"DROP FUNCTION IF EXISTS {name}_guard()")
    op.execute("DROP TRIGGER IF EXISTS voucher_line_totals ON voucher_line")
    op.execute("DROP FUNCTION IF EXISTS voucher_line_totals()")
    op.execute("DROP TRIGGER IF EXISTS voucher_posted_guard ON voucher")
    op.execute("DROP FUNCTION IF EXISTS voucher_posted_guard()")
