import { graphql } from '../gql';

export const DocumentHeaderFields = graphql(`
  fragment DocumentHeaderFields on BusinessDocument {
    __typename
    documentType
    id
    number
    date
    state
    createdAt
    department {
      id
      name
    }
    createdBy {
      id
      displayName
    }
  }
`);

export const SalesOrdersQuery = graphql(`
  query SalesOrders($first: Int!, $after: String, $search: String, $state: DocumentState) {
    salesOrders(first: $first, after: $after, search: $search, state: $state) {
      ...PagedFields
      edges {
        node {
          ...DocumentHeaderFields
          customer {
            ...MasterDataFields
          }
          lines {
            id
            gross
          }
        }
      }
    }
  }
`);

export const SalesDeliveriesQuery = graphql(`
  query SalesDeliveries($first: Int!, $after: String, $search: String, $state: DocumentState) {
    salesDeliveries(first: $first, after: $after, search: $search, state: $state) {
      ...PagedFields
      edges {
        node {
          ...DocumentHeaderFields
          customer {
            ...MasterDataFields
          }
          order {
            id
            number
          }
          warehouse {
            ...MasterDataFields
          }
          lines {
            id
            gross
          }
        }
      }
    }
  }
`);

export const SalesReturnsQuery = graphql(`
  query SalesReturns($first: Int!, $after: String, $search: String, $state: DocumentState) {
    salesReturns(first: $first, after: $after, search: $search, state: $state) {
      ...PagedFields
      edges {
        node {
          ...DocumentHeaderFields
          customer {
            ...MasterDataFields
          }
          delivery {
            id
            number
          }
          lines {
            id
            gross
          }
        }
      }
    }
  }
`);

export const PurchaseReceiptsQuery = graphql(`
  query PurchaseReceipts($first: Int!, $after: String, $search: String, $state: DocumentState) {
    purchaseReceipts(first: $first, after: $after, search: $search, state: $state) {
      ...PagedFields
      edges {
        node {
          ...DocumentHeaderFields
          supplier {
            ...MasterDataFields
          }
          warehouse {
            ...MasterDataFields
          }
          supplierInvoiceNo
          lines {
            id
            gross
          }
        }
      }
    }
  }
`);

export const CustomerReceiptsQuery = graphql(`
  query CustomerReceipts($first: Int!, $after: String, $search: String, $state: DocumentState) {
    customerReceipts(first: $first, after: $after, search: $search, state: $state) {
      ...PagedFields
      edges {
        node {
          ...DocumentHeaderFields
          amount
          customer {
            ...MasterDataFields
          }
        }
      }
    }
  }
`);

export const SupplierPaymentsQuery = graphql(`
  query SupplierPayments($first: Int!, $after: String, $search: String, $state: DocumentState) {
    supplierPayments(first: $first, after: $after, search: $search, state: $state) {
      ...PagedFields
      edges {
        node {
          ...DocumentHeaderFields
          amount
          supplier {
            ...MasterDataFields
          }
        }
      }
    }
  }
`);

export const ExpenseClaimsQuery = graphql(`
  query ExpenseClaims($first: Int!, $after: String, $search: String, $state: DocumentState) {
    expenseClaims(first: $first, after: $after, search: $search, state: $state) {
      ...PagedFields
      edges {
        node {
          ...DocumentHeaderFields
          category
          amount
          description
          paidOn
          claimant {
            id
            displayName
          }
          approver {
            id
            displayName
          }
          viewerCan {
            approve
            pay
          }
        }
      }
    }
  }
`);

export const DocumentQuery = graphql(`
  query Document($id: ID!) {
    node(id: $id) {
      ... on BusinessDocument {
        ...DocumentHeaderFields
        lines {
          id
          lineNo
          quantity
          unitPrice
          taxRate
          net
          tax
          gross
          product {
            ...MasterDataFields
            unit
          }
          ... on SalesOrderLine {
            deliveredQuantity
            returnedQuantity
          }
          ... on SalesDeliveryLine {
            cost
            returnedQuantity
          }
          ... on SalesReturnLine {
            cost
          }
        }
        vouchers {
          id
          displayNumber
          date
          summary
          state
          totalDebit
        }
        stockMoves {
          date
          quantity
          value
          balanceQuantity
          balanceValue
          source {
            ...DocumentSourceFields
          }
          product {
            ...MasterDataFields
          }
        }
      }
      ... on SalesOrder {
        customer {
          ...MasterDataFields
        }
        deliveries {
          id
          number
          date
          state
        }
        copiedFrom {
          id
          number
        }
      }
      ... on SalesDelivery {
        customer {
          ...MasterDataFields
        }
        order {
          id
          number
        }
        warehouse {
          ...MasterDataFields
        }
      }
      ... on SalesReturn {
        customer {
          ...MasterDataFields
        }
        delivery {
          id
          number
        }
      }
      ... on PurchaseReceipt {
        supplier {
          ...MasterDataFields
        }
        warehouse {
          ...MasterDataFields
        }
        supplierInvoiceNo
      }
      ... on CustomerReceipt {
        amount
        customer {
          ...MasterDataFields
        }
      }
      ... on SupplierPayment {
        amount
        supplier {
          ...MasterDataFields
        }
      }
      ... on ExpenseClaim {
        category
        amount
        description
        approvedAt
        paidOn
        claimant {
          id
          displayName
        }
        approver {
          id
          displayName
        }
        viewerCan {
          approve
          pay
        }
        attachments {
          ...AttachmentFields
        }
        viewerCanAttach
      }
      ... on PurchaseReceipt {
        attachments {
          ...AttachmentFields
        }
        viewerCanAttach
      }
    }
  }
`);

export const CreateCustomerMutation = graphql(`
  mutation CreateCustomer($input: CreateMasterDataInput!) {
    createCustomer(input: $input) {
      __typename
      ... on CreateCustomerSuccess {
        customer {
          ...MasterDataFields
        }
      }
      ... on CreateCustomerError {
        code
        field
        message
      }
    }
  }
`);

export const CreateSupplierMutation = graphql(`
  mutation CreateSupplier($input: CreateMasterDataInput!) {
    createSupplier(input: $input) {
      __typename
      ... on CreateSupplierSuccess {
        supplier {
          ...MasterDataFields
        }
      }
      ... on CreateSupplierError {
        code
        field
        message
      }
    }
  }
`);

export const CreateWarehouseMutation = graphql(`
  mutation CreateWarehouse($input: CreateMasterDataInput!) {
    createWarehouse(input: $input) {
      __typename
      ... on CreateWarehouseSuccess {
        warehouse {
          ...MasterDataFields
        }
      }
      ... on CreateWarehouseError {
        code
        field
        message
      }
    }
  }
`);

export const CreateProductCategoryMutation = graphql(`
  mutation CreateProductCategory($input: CreateMasterDataInput!) {
    createProductCategory(input: $input) {
      __typename
      ... on CreateProductCategorySuccess {
        productCategory {
          ...MasterDataFields
        }
      }
      ... on CreateProductCategoryError {
        code
        field
        message
      }
    }
  }
`);

export const CreateProductMutation = graphql(`
  mutation CreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      __typename
      ... on CreateProductSuccess {
        product {
          ...MasterDataFields
        }
      }
      ... on CreateProductError {
        code
        field
        message
      }
    }
  }
`);

export const CreateSalesOrderMutation = graphql(`
  mutation CreateSalesOrder($input: CreateSalesOrderInput!) {
    createSalesOrder(input: $input) {
      __typename
      ... on CreateSalesOrderSuccess {
        salesOrder {
          id
          number
        }
      }
      ... on CreateSalesOrderError {
        code
        field
        message
      }
    }
  }
`);

export const CreatePurchaseReceiptMutation = graphql(`
  mutation CreatePurchaseReceipt($input: CreatePurchaseReceiptInput!) {
    createPurchaseReceipt(input: $input) {
      __typename
      ... on CreatePurchaseReceiptSuccess {
        purchaseReceipt {
          id
          number
        }
      }
      ... on CreatePurchaseReceiptError {
        code
        field
        message
      }
    }
  }
`);

export const CopySalesOrderMutation = graphql(`
  mutation CopySalesOrder($input: CopySalesOrderInput!) {
    copySalesOrder(input: $input) {
      __typename
      ... on CopySalesOrderSuccess {
        salesOrder {
          id
          number
        }
      }
      ... on CopySalesOrderError {
        code
        field
        message
      }
    }
  }
`);

export const DeliverSalesOrderMutation = graphql(`
  mutation DeliverSalesOrder($input: DeliverSalesOrderInput!) {
    deliverSalesOrder(input: $input) {
      __typename
      ... on DeliverSalesOrderSuccess {
        delivery {
          id
          number
        }
      }
      ... on DeliverSalesOrderError {
        code
        field
        message
      }
    }
  }
`);

export const ReturnSalesOrderMutation = graphql(`
  mutation ReturnSalesOrder($input: ReturnSalesOrderInput!) {
    returnSalesOrder(input: $input) {
      __typename
      ... on ReturnSalesOrderSuccess {
        salesReturn {
          id
          number
        }
      }
      ... on ReturnSalesOrderError {
        code
        field
        message
      }
    }
  }
`);

export const RecordCustomerReceiptMutation = graphql(`
  mutation RecordCustomerReceipt($input: RecordCustomerReceiptInput!) {
    recordCustomerReceipt(input: $input) {
      __typename
      ... on RecordCustomerReceiptSuccess {
        customerReceipt {
          id
          number
        }
      }
      ... on RecordCustomerReceiptError {
        code
        field
        message
      }
    }
  }
`);

export const RecordSupplierPaymentMutation = graphql(`
  mutation RecordSupplierPayment($input: RecordSupplierPaymentInput!) {
    recordSupplierPayment(input: $input) {
      __typename
      ... on RecordSupplierPaymentSuccess {
        supplierPayment {
          id
          number
        }
      }
      ... on RecordSupplierPaymentError {
        code
        field
        message
      }
    }
  }
`);

export const CreateExpenseClaimMutation = graphql(`
  mutation CreateExpenseClaim($input: CreateExpenseClaimInput!) {
    createExpenseClaim(input: $input) {
      __typename
      ... on CreateExpenseClaimSuccess {
        expenseClaim {
          id
          number
        }
      }
      ... on CreateExpenseClaimError {
        code
        field
        message
      }
    }
  }
`);

export const ApproveExpenseClaimMutation = graphql(`
  mutation ApproveExpenseClaim($input: ApproveExpenseClaimInput!) {
    approveExpenseClaim(input: $input) {
      __typename
      ... on ApproveExpenseClaimSuccess {
        expenseClaim {
          id
          state
        }
      }
      ... on ApproveExpenseClaimError {
        code
        field
        message
      }
    }
  }
`);

export const PayExpenseClaimMutation = graphql(`
  mutation PayExpenseClaim($input: PayExpenseClaimInput!) {
    payExpenseClaim(input: $input) {
      __typename
      ... on PayExpenseClaimSuccess {
        expenseClaim {
          id
          state
        }
      }
      ... on PayExpenseClaimError {
        code
        field
        message
      }
    }
  }
`);
