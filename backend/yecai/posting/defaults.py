"""The default rule set every install starts with; it reproduces the reference posting cases."""

from __future__ import annotations

from typing import Any

CLAIM_ACCOUNTS = {
    f"{kind}.{category}": f"{'6601' if kind == 'BUSINESS' else '6602'}{suffix}"
    for kind in ("BUSINESS", "FINANCE", "SUPPORT", "EXECUTIVE")
    for category, suffix in (("TRAVEL", "01"), ("OFFICE", "02"), ("ENTERTAINMENT", "03"))
}

DEFAULT_RULES: list[dict[str, Any]] = [
    {"code": "purchase_receipt", "name": "采购入库", "event_type": "PURCHASE_RECEIVED", "definition": {
        "summary": "采购入库 {number} {supplier_name}", "land_as": "POSTED",
        "lines": [
            {"side": "DEBIT", "account": "1405", "amount": "net", "dimensions": {"PRODUCT": "product_id"},
             "summary": "采购入库 {number} {product_name}"},
            {"side": "DEBIT", "account": "22210101", "amount": "tax", "summary": "进项税额 {number}"},
            {"side": "CREDIT", "account": "2202", "amount": "gross", "dimensions": {"SUPPLIER": "supplier_id"},
             "summary": "应付 {supplier_name} {number}"},
        ]}},
    {"code": "sales_delivery_revenue", "name": "销售发货确认收入", "event_type": "SALES_DELIVERED", "definition": {
        "summary": "销售发货 {number} {customer_name}", "land_as": "POSTED",
        "mappings": {"revenue": {"GOODS": "6001", "SERVICE": "6051"}},
        "lines": [
            {"side": "DEBIT", "account": "1122", "amount": "gross", "dimensions": {"CUSTOMER": "customer_id"},
             "summary": "应收 {customer_name} {number}"},
            {"side": "CREDIT", "account": {"map": "revenue", "key": "category", "default": "6001"}, "amount": "net",
             "summary": "销售收入 {number} {product_name}"},
            {"side": "CREDIT", "account": "22210102", "amount": "tax", "summary": "销项税额 {number}"},
        ]}},
    {"code": "sales_delivery_cost", "name": "销售发货结转成本", "event_type": "SALES_DELIVERED", "definition": {
        "summary": "结转销售成本 {number}", "land_as": "POSTED",
        "mappings": {"cost": {"GOODS": "6401", "SERVICE": "6402"}},
        "lines": [
            {"side": "DEBIT", "account": {"map": "cost", "key": "category", "default": "6401"}, "amount": "cost",
             "summary": "销售成本 {number} {product_name}"},
            {"side": "CREDIT", "account": "1405", "amount": "cost", "dimensions": {"PRODUCT": "product_id"},
             "summary": "发出商品 {number} {product_name}"},
        ]}},
    {"code": "sales_return_revenue", "name": "销售退货冲减收入", "event_type": "SALES_RETURNED", "definition": {
        "summary": "销售退货 {number} {customer_name}（原发货 {delivery_number}）", "land_as": "POSTED",
        "mappings": {"revenue": {"GOODS": "6001", "SERVICE": "6051"}},
        "lines": [
            {"side": "DEBIT", "account": {"map": "revenue", "key": "category", "default": "6001"}, "amount": "net",
             "summary": "退货冲减收入 {number} {product_name}"},
            {"side": "DEBIT", "account": "22210102", "amount": "tax", "summary": "退货冲减销项税额 {number}"},
            {"side": "CREDIT", "account": "1122", "amount": "gross", "dimensions": {"CUSTOMER": "customer_id"},
             "summary": "退货冲减应收 {customer_name} {number}"},
        ]}},
    {"code": "sales_return_cost", "name": "销售退货冲回成本", "event_type": "SALES_RETURNED", "definition": {
        "summary": "退货冲回成本 {number}", "land_as": "POSTED",
        "mappings": {"cost": {"GOODS": "6401", "SERVICE": "6402"}},
        "lines": [
            {"side": "DEBIT", "account": "1405", "amount": "cost", "dimensions": {"PRODUCT": "product_id"},
             "summary": "退货入库 {number} {product_name}"},
            {"side": "CREDIT", "account": {"map": "cost", "key": "category", "default": "6401"}, "amount": "cost",
             "summary": "冲回销售成本 {number} {product_name}"},
        ]}},
    {"code": "customer_receipt", "name": "客户收款", "event_type": "CUSTOMER_RECEIPT", "definition": {
        "summary": "收到 {customer_name} 货款 {number}", "land_as": "POSTED",
        "lines": [
            {"side": "DEBIT", "account": "1002", "amount": "amount"},
            {"side": "CREDIT", "account": "1122", "amount": "amount", "dimensions": {"CUSTOMER": "customer_id"}},
        ]}},
    {"code": "supplier_payment", "name": "支付供应商货款", "event_type": "SUPPLIER_PAYMENT", "definition": {
        "summary": "支付 {supplier_name} 货款 {number}", "land_as": "POSTED",
        "lines": [
            {"side": "DEBIT", "account": "2202", "amount": "amount", "dimensions": {"SUPPLIER": "supplier_id"}},
            {"side": "CREDIT", "account": "1002", "amount": "amount"},
        ]}},
    {"code": "expense_claim_paid", "name": "费用报销付款", "event_type": "EXPENSE_CLAIM_PAID", "definition": {
        "summary": "{claimant_name} 报销 {description} {number}", "land_as": "POSTED",
        "mappings": {"claim_account": CLAIM_ACCOUNTS},
        "lines": [
            {"side": "DEBIT", "account": {"map": "claim_account", "key": "department_kind + '.' + category"},
             "amount": "amount", "dimensions": {"DEPARTMENT": "department_id"}},
            {"side": "CREDIT", "account": "1002", "amount": "amount"},
        ]}},
]
