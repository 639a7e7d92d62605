"""The six reference posting cases, entered through the API only, with their exact vouchers."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import TEST_SECRET, GraphQLClient
from tests.factories import make_department, make_user, token_for
from tests.graphql.conftest import SignIn, World, gid
from tests.graphql.helpers import mutation
from yecai.org.models import DepartmentKind

VOUCHERS = ("vouchers { lines { account { code } debit credit customer { id } supplier { id } product { id } "
            "department { code } } }")


def lines(document: dict) -> list[list[tuple]]:
    return [[(li["account"]["code"], li["debit"], li["credit"]) for li in v["lines"]] for v in document["vouchers"]]


async def test_the_six_cases_through_the_api(world: World, sign_in: SignIn, gql: GraphQLClient,
                                             session: AsyncSession) -> None:
    _, finance = await sign_in("finance")
    _, seller = await sign_in("business")
    _, manager = await sign_in("manager")

    async def create(name: str, input_type: str, fields: str, value: dict, token: str = finance) -> dict:
        result = (await gql(mutation(name, input_type, fields), {"input": value}, token=token))[name]
        assert result["__typename"].endswith("Success"), result
        return result

    supplier = (await create("createSupplier", "CreateMasterDataInput", "supplier { id }",
                             {"code": "S", "name": "供应商S"}))["supplier"]["id"]
    customer = (await create("createCustomer", "CreateMasterDataInput", "customer { id }",
                             {"code": "C", "name": "客户C"}))["customer"]["id"]
    product = (await create("createProduct", "CreateProductInput", "product { id }", {
        "code": "P", "name": "商品P", "categoryId": gid("ProductCategory", world.ops.category.id)}))["product"]["id"]
    warehouse = (await create("createWarehouse", "CreateMasterDataInput", "warehouse { id }",
                              {"code": "W", "name": "仓库W"}))["warehouse"]["id"]

    def goods(quantity: str, price: str) -> list[dict]:
        return [{"productId": product, "quantity": quantity, "unitPrice": price, "taxRate": "0.13"}]

    # Case 1 and case 2: purchases on credit, and the moving average.
    receipt_fields = f"purchaseReceipt {{ {VOUCHERS} }}"
    case1 = (await create("createPurchaseReceipt", "CreatePurchaseReceiptInput", receipt_fields, {
        "supplierId": supplier, "warehouseId": warehouse, "date": "2026-11-20", "lines": goods("100", "550.00")}))
    assert lines(case1["purchaseReceipt"]) == [[("1405", "55000.00", "0.00"), ("22210101", "7150.00", "0.00"),
                                                ("2202", "0.00", "62150.00")]]
    case2 = (await create("createPurchaseReceipt", "CreatePurchaseReceiptInput", receipt_fields, {
        "supplierId": supplier, "warehouseId": warehouse, "date": "2026-11-20", "lines": goods("50", "610.00")}))
    assert lines(case2["purchaseReceipt"]) == [[("1405", "30500.00", "0.00"), ("22210101", "3965.00", "0.00"),
                                                ("2202", "0.00", "34465.00")]]
    stock = (await gql("query($id: ID!) { node(id: $id) { ... on Product { stock { quantity value unitCost } } } }",
                       {"id": product}, token=finance))["node"]["stock"]
    assert stock == [{"quantity": "150.0000", "value": "85500.00", "unitCost": "570.000000"}]

    # Case 3: the order delivered; revenue and receivable, then cost at 570.00.
    order = (await create("createSalesOrder", "CreateSalesOrderInput", "salesOrder { id }", {
        "customerId": customer, "date": "2026-11-21", "lines": goods("10", "1000.00")}, seller))["salesOrder"]
    delivery = (await create("deliverSalesOrder", "DeliverSalesOrderInput",
                             f"delivery {{ id lines {{ id }} {VOUCHERS} }}",
                             {"orderId": order["id"], "warehouseId": warehouse, "date": "2026-11-21"}, finance))
    delivery = delivery["delivery"]
    assert lines(delivery) == [[("1122", "11300.00", "0.00"), ("6001", "0.00", "10000.00"),
                                ("22210102", "0.00", "1300.00")],
                               [("6401", "5700.00", "0.00"), ("1405", "0.00", "5700.00")]]
    # Dimensions are the objects themselves: the receivable's customer, the stock's product.
    receivable = delivery["vouchers"][0]["lines"][0]
    stock_out = delivery["vouchers"][1]["lines"][1]
    assert (receivable["customer"], receivable["supplier"], receivable["product"]) == ({"id": customer}, None, None)
    assert stock_out["product"] == {"id": product} and stock_out["customer"] is None

    # Case 4: the customer pays.
    paid = await create("recordCustomerReceipt", "RecordCustomerReceiptInput", f"customerReceipt {{ {VOUCHERS} }}",
                        {"customerId": customer, "date": "2026-11-22", "amount": "11300.00"})
    assert lines(paid["customerReceipt"]) == [[("1002", "11300.00", "0.00"), ("1122", "0.00", "11300.00")]]

    # Case 5: travel claimed by sales staff lands on 6601; from a finance department, on 6602.
    claim_fields = f"expenseClaim {{ id {VOUCHERS} }}"
    finance_dept = await make_department(session, code="G-FIN", name="财务部", kind=DepartmentKind.FINANCE)
    finance_clerk = await make_user(session, roles=("staff",), department=finance_dept)
    finance_boss = await make_user(session, roles=("manager",), department=finance_dept)
    await session.commit()
    for claimant, approver, account, department in (
        (seller, manager, "660101", "W-OPS"),
        (await token_for(session, finance_clerk, TEST_SECRET), await token_for(session, finance_boss, TEST_SECRET), "660201", "G-FIN"),
    ):
        claim = (await create("createExpenseClaim", "CreateExpenseClaimInput", claim_fields, {
            "category": "TRAVEL", "amount": "2300.00", "description": "差旅费", "date": "2026-11-23"},
            claimant))["expenseClaim"]
        await create("approveExpenseClaim", "ApproveExpenseClaimInput", "expenseClaim { id }", {"id": claim["id"]},
                     approver)
        paid_claim = (await create("payExpenseClaim", "PayExpenseClaimInput", claim_fields,
                                   {"id": claim["id"], "date": "2026-11-24"}))["expenseClaim"]
        assert lines(paid_claim) == [[(account, "2300.00", "0.00"), ("1002", "0.00", "2300.00")]]
        assert paid_claim["vouchers"][0]["lines"][0]["department"] == {"code": department}

    # Case 6: 2 of the 10 units come back, at the cost recorded at delivery (entered by finance, who may
    # see the vouchers; business staff see their documents but not the books).
    returned = await create("returnSalesOrder", "ReturnSalesOrderInput", f"salesReturn {{ {VOUCHERS} }}", {
        "deliveryId": delivery["id"], "date": "2026-11-25",
        "lines": [{"deliveryLineId": delivery["lines"][0]["id"], "quantity": "2"}]}, finance)
    assert lines(returned["salesReturn"]) == [[("6001", "2000.00", "0.00"), ("22210102", "260.00", "0.00"),
                                               ("1122", "0.00", "2260.00")],
                                              [("1405", "1140.00", "0.00"), ("6401", "0.00", "1140.00")]]
