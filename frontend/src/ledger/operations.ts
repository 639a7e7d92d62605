import { graphql } from '../gql';

export const AccountsQuery = graphql(`
  query Accounts($first: Int!, $after: String, $search: String, $active: Boolean) {
    accounts(first: $first, after: $after, search: $search, active: $active) {
      ...PagedFields
      edges {
        node {
          id
          code
          name
          type
          direction
          active
          dimensions
          level
          parent {
            id
          }
          viewerCan {
            update
          }
        }
      }
    }
  }
`);

export const FiscalPeriodsQuery = graphql(`
  query FiscalPeriods($first: Int!, $after: String) {
    fiscalPeriods(first: $first, after: $after) {
      ...PagedFields
      edges {
        node {
          id
          code
          year
          month
          status
          closedAt
        }
      }
    }
  }
`);

export const VouchersQuery = graphql(`
  query Vouchers($first: Int!, $after: String, $period: String, $state: VoucherState) {
    vouchers(first: $first, after: $after, period: $period, state: $state) {
      ...PagedFields
      edges {
        node {
          id
          displayNumber
          date
          summary
          state
          origin
          totalDebit
          totalCredit
          preparer {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const VoucherQuery = graphql(`
  query Voucher($id: ID!) {
    node(id: $id) {
      ... on Voucher {
        id
        word
        number
        displayNumber
        date
        summary
        state
        origin
        totalDebit
        totalCredit
        reviewedAt
        postedAt
        source {
          ...DocumentSourceFields
        }
        period {
          id
          code
          status
        }
        preparer {
          id
          displayName
        }
        reviewer {
          id
          displayName
        }
        poster {
          id
          displayName
        }
        reversalOf {
          id
          displayNumber
        }
        reversedBy {
          id
          displayNumber
        }
        viewerCan {
          review
          unreview
          post
          reverse
          delete
        }
        lines {
          id
          lineNo
          summary
          debit
          credit
          customer {
            ...MasterDataFields
          }
          supplier {
            ...MasterDataFields
          }
          product {
            ...MasterDataFields
          }
          project
          account {
            id
            code
            name
          }
          department {
            id
            name
          }
          source {
            ...DocumentSourceFields
          }
          ruleVersion {
            id
            version
            rule {
              id
              code
              name
            }
          }
        }
      }
    }
  }
`);

export const TrialBalanceQuery = graphql(`
  query TrialBalance($period: String!, $dimension: Dimension) {
    trialBalance(period: $period, dimension: $dimension) {
      period
      dimension
      totalOpeningDebit
      totalOpeningCredit
      totalDebit
      totalCredit
      totalClosingDebit
      totalClosingCredit
      rows {
        dimensionValue
        department {
          id
          code
          name
        }
        customer {
          ...MasterDataFields
        }
        supplier {
          ...MasterDataFields
        }
        product {
          ...MasterDataFields
        }
        project
        openingDebit
        openingCredit
        debit
        credit
        closingDebit
        closingCredit
        account {
          id
          code
          name
          level
          direction
        }
      }
    }
  }
`);

export const VoucherLinesQuery = graphql(`
  query VoucherLines(
    $accountId: ID!
    $period: String
    $side: Direction
    $dimension: Dimension
    $dimensionValue: String
    $first: Int!
    $after: String
  ) {
    voucherLines(
      accountId: $accountId
      period: $period
      side: $side
      dimension: $dimension
      dimensionValue: $dimensionValue
      first: $first
      after: $after
    ) {
      ...PagedFields
      edges {
        node {
          id
          lineNo
          summary
          debit
          credit
          account {
            id
            code
            name
          }
          voucher {
            id
            displayNumber
            date
          }
          source {
            ...DocumentSourceFields
          }
        }
      }
    }
  }
`);


export const CreateVoucherMutation = graphql(`
  mutation CreateVoucher($input: CreateVoucherInput!) {
    createVoucher(input: $input) {
      __typename
      ... on CreateVoucherSuccess {
        voucher {
          id
          displayNumber
        }
      }
      ... on CreateVoucherError {
        code
        field
        message
      }
    }
  }
`);

export const ReviewVoucherMutation = graphql(`
  mutation ReviewVoucher($input: VoucherIdInput!) {
    reviewVoucher(input: $input) {
      __typename
      ... on ReviewVoucherSuccess {
        voucher {
          id
          state
        }
      }
      ... on ReviewVoucherError {
        code
        field
        message
      }
    }
  }
`);

export const UnreviewVoucherMutation = graphql(`
  mutation UnreviewVoucher($input: VoucherIdInput!) {
    unreviewVoucher(input: $input) {
      __typename
      ... on UnreviewVoucherSuccess {
        voucher {
          id
          state
        }
      }
      ... on UnreviewVoucherError {
        code
        field
        message
      }
    }
  }
`);

export const PostVoucherMutation = graphql(`
  mutation PostVoucher($input: VoucherIdInput!) {
    postVoucher(input: $input) {
      __typename
      ... on PostVoucherSuccess {
        voucher {
          id
          state
        }
      }
      ... on PostVoucherError {
        code
        field
        message
      }
    }
  }
`);

export const ReverseVoucherMutation = graphql(`
  mutation ReverseVoucher($input: ReverseVoucherInput!) {
    reverseVoucher(input: $input) {
      __typename
      ... on ReverseVoucherSuccess {
        voucher {
          id
          displayNumber
        }
      }
      ... on ReverseVoucherError {
        code
        field
        message
      }
    }
  }
`);

export const DeleteVoucherMutation = graphql(`
  mutation DeleteVoucher($input: VoucherIdInput!) {
    deleteVoucher(input: $input) {
      __typename
      ... on DeleteVoucherSuccess {
        deletedId
      }
      ... on DeleteVoucherError {
        code
        field
        message
      }
    }
  }
`);

export const CreateAccountMutation = graphql(`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      __typename
      ... on CreateAccountSuccess {
        account {
          id
        }
      }
      ... on CreateAccountError {
        code
        field
        message
      }
    }
  }
`);

export const UpdateAccountMutation = graphql(`
  mutation UpdateAccount($input: UpdateAccountInput!) {
    updateAccount(input: $input) {
      __typename
      ... on UpdateAccountSuccess {
        account {
          id
          name
          active
          dimensions
        }
      }
      ... on UpdateAccountError {
        code
        field
        message
      }
    }
  }
`);

export const OpenFiscalPeriodMutation = graphql(`
  mutation OpenFiscalPeriod($input: PeriodInput!) {
    openFiscalPeriod(input: $input) {
      __typename
      ... on OpenFiscalPeriodSuccess {
        fiscalPeriod {
          id
          status
        }
      }
      ... on OpenFiscalPeriodError {
        code
        field
        message
      }
    }
  }
`);

export const CloseFiscalPeriodMutation = graphql(`
  mutation CloseFiscalPeriod($input: PeriodInput!) {
    closeFiscalPeriod(input: $input) {
      __typename
      ... on CloseFiscalPeriodSuccess {
        fiscalPeriod {
          id
          status
        }
      }
      ... on CloseFiscalPeriodError {
        code
        field
        message
      }
    }
  }
`);

export const AccountLedgerQuery = graphql(`
  query AccountLedger($accountId: ID!, $period: String!, $first: Int! = 100, $after: String) {
    accountLedger(accountId: $accountId, period: $period, first: $first, after: $after) {
      period
      openingDebit
      openingCredit
      debit
      credit
      closingDebit
      closingCredit
      account {
        id
        code
        name
      }
      entries {
        ...PagedFields
        edges {
          cursor
          node {
            date
            balanceDebit
            balanceCredit
            voucher {
              id
              displayNumber
            }
            line {
              id
              summary
              debit
              credit
            }
          }
        }
      }
    }
  }
`);

/** A statement as the small-enterprise layout prints it: numbered lines, this period and the comparison. */
export const StatementFields = graphql(`
  fragment StatementFields on Statement {
    period
    lines {
      number
      name
      accounts
      current
      comparative
      total
    }
  }
`);

export const IncomeStatementQuery = graphql(`
  query IncomeStatement($period: String!) {
    incomeStatement(period: $period) {
      ...StatementFields
    }
  }
`);

export const BalanceSheetQuery = graphql(`
  query BalanceSheet($period: String!) {
    balanceSheet(period: $period) {
      ...StatementFields
    }
  }
`);
