"""Set-up through the API for the browser tests of documents and books.

Each test makes its own customer, product and stock, so tests never depend on the demo's
documents or on each other (the live server is shared by the whole run).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from .conftest import DEMO_PASSWORD, graphql


def current_period() -> str:
    return datetime.now(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m")


def today() -> str:
    return datetime.now(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d")


def token_for(base_url: str, username: str, password: str = DEMO_PASSWORD) -> str:
    login = graphql(
        base_url,
        "mutation($u: String!, $p: String!) { login(username: $u, password: $p) {"
        " ... on LoginSuccess { token } ... on LoginError { message } } }",
        {"u": username, "p": password},
    )["login"]
    assert "token" in login, login
    return login["token"]


def permissions_of(base_url: str, username: str, password: str = DEMO_PASSWORD) -> set[str]:
    data = graphql(base_url, "{ viewer { permissions } }", token=token_for(base_url, username, password))
    return set(data["viewer"]["permissions"])


def _ok(result: dict, typename: str) -> dict:
    assert result["__typename"] == typename, result
    return result


def ensure_open_period(base_url: str) -> None:
    """The demo seed opens the current month; open it here when a server did not."""
    finance = token_for(base_url, "finance")
    periods = graphql(base_url, "{ fiscalPeriods(first: 24) { edges { node { code status } } } }", token=finance)
    if any(
        e["node"]["code"] == current_period() and e["node"]["status"] == "OPEN"
        for e in periods["fiscalPeriods"]["edges"]
    ):
        return
    graphql(
        base_url,
        "mutation($p: String!) { openFiscalPeriod(input: {period: $p}) { __typename } }",
        {"p": current_period()},
        token=finance,
    )


@dataclass
class Goods:
    suffix: str
    customer_name: str
    customer_id: str
    product_name: str
    product_id: str
    warehouse_id: str


def _master(base_url: str, token: str, mutation: str, field: str, code: str, name: str) -> str:
    typename = mutation[0].upper() + mutation[1:] + "Success"
    result = graphql(
        base_url,
        f"mutation($input: CreateMasterDataInput!) {{ {mutation}(input: $input) {{ __typename"
        f" ... on {typename} {{ {field} {{ id }} }} }} }}",
        {"input": {"code": code, "name": name}},
        token=token,
    )[mutation]
    return _ok(result, typename)[field]["id"]


def goods_in_stock(base_url: str, quantity: str = "100", unit_cost: str = "550.00") -> Goods:
    """A fresh customer, product and warehouse, with `quantity` received at `unit_cost` (13% VAT)."""
    ensure_open_period(base_url)
    finance = token_for(base_url, "finance")
    suffix = secrets.token_hex(3).upper()
    customer_name = f"测试客户{suffix}"
    customer_id = _master(base_url, finance, "createCustomer", "customer", f"C-E2E{suffix}", customer_name)
    supplier_id = _master(base_url, finance, "createSupplier", "supplier", f"S-E2E{suffix}", f"测试供应商{suffix}")
    warehouse_id = _master(base_url, finance, "createWarehouse", "warehouse", f"WH-E2E{suffix}", f"测试仓{suffix}")
    category_id = _master(
        base_url, finance, "createProductCategory", "productCategory", f"G-E2E{suffix}", f"测试分类{suffix}"
    )
    product_name = f"测试商品{suffix}"
    product = graphql(
        base_url,
        "mutation($input: CreateProductInput!) { createProduct(input: $input) { __typename"
        " ... on CreateProductSuccess { product { id } } ... on CreateProductError { code field message } } }",
        {"input": {"code": f"P-E2E{suffix}", "name": product_name, "categoryId": category_id, "unit": "台"}},
        token=finance,
    )["createProduct"]
    product_id = _ok(product, "CreateProductSuccess")["product"]["id"]
    receipt = graphql(
        base_url,
        "mutation($input: CreatePurchaseReceiptInput!) { createPurchaseReceipt(input: $input) { __typename"
        " ... on CreatePurchaseReceiptError { code field message } } }",
        {
            "input": {
                "supplierId": supplier_id,
                "warehouseId": warehouse_id,
                "date": today(),
                "supplierInvoiceNo": f"FP-E2E{suffix}",
                "lines": [{"productId": product_id, "quantity": quantity, "unitPrice": unit_cost, "taxRate": "0.13"}],
            }
        },
        token=finance,
    )["createPurchaseReceipt"]
    _ok(receipt, "CreatePurchaseReceiptSuccess")
    return Goods(suffix, customer_name, customer_id, product_name, product_id, warehouse_id)


def sales_order(
    base_url: str, goods: Goods, quantity: str, price: str = "1000.00", username: str = "business"
) -> tuple[str, str]:
    """A sales order of `goods` entered by `username`; returns its id and number."""
    result = graphql(
        base_url,
        "mutation($input: CreateSalesOrderInput!) { createSalesOrder(input: $input) { __typename"
        " ... on CreateSalesOrderSuccess { salesOrder { id number } } ... on CreateSalesOrderError { code field message } } }",
        {
            "input": {
                "customerId": goods.customer_id,
                "date": today(),
                "lines": [{"productId": goods.product_id, "quantity": quantity, "unitPrice": price, "taxRate": "0.13"}],
            }
        },
        token=token_for(base_url, username),
    )["createSalesOrder"]
    order = _ok(result, "CreateSalesOrderSuccess")["salesOrder"]
    return order["id"], order["number"]


def deliver_all(base_url: str, goods: Goods, order_id: str, username: str = "business") -> tuple[str, str]:
    """Deliver everything that remains of an order; returns the delivery's id and number."""
    result = graphql(
        base_url,
        "mutation($input: DeliverSalesOrderInput!) { deliverSalesOrder(input: $input) { __typename"
        " ... on DeliverSalesOrderSuccess { delivery { id number } }"
        " ... on DeliverSalesOrderError { code field message } } }",
        {"input": {"orderId": order_id, "warehouseId": goods.warehouse_id, "date": today()}},
        token=token_for(base_url, username),
    )["deliverSalesOrder"]
    delivery = _ok(result, "DeliverSalesOrderSuccess")["delivery"]
    return delivery["id"], delivery["number"]
