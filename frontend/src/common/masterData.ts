import { graphql } from '../gql';
import type { MasterDataQuery as MasterDataResult, MasterDataQueryVariables } from '../gql/graphql';

// 基础资料 as every page reads it: the selects here, the master data page, the 辅助核算 names
// of the books, and the documents that name a customer, supplier, product or warehouse.

/** A customer, supplier, product, product category or warehouse (the schema's `MasterData` interface). */
export const MasterDataFields = graphql(`
  fragment MasterDataFields on MasterData {
    id
    code
    name
  }
`);

/**
 * One page of one kind of master data: the flag of the wanted kind is set, the others'
 * fields are skipped. Products come with their unit, category and stock per warehouse.
 */
export const MasterDataQuery = graphql(`
  query MasterData(
    $first: Int!
    $after: String
    $search: String
    $customers: Boolean! = false
    $suppliers: Boolean! = false
    $products: Boolean! = false
    $warehouses: Boolean! = false
    $categories: Boolean! = false
  ) {
    customers(first: $first, after: $after, search: $search) @include(if: $customers) {
      ...PagedFields
      edges {
        node {
          ...MasterDataFields
        }
      }
    }
    suppliers(first: $first, after: $after, search: $search) @include(if: $suppliers) {
      ...PagedFields
      edges {
        node {
          ...MasterDataFields
        }
      }
    }
    products(first: $first, after: $after, search: $search) @include(if: $products) {
      ...PagedFields
      edges {
        node {
          ...MasterDataFields
          unit
          category {
            ...MasterDataFields
          }
          stock {
            quantity
            value
            unitCost
            warehouse {
              ...MasterDataFields
            }
          }
        }
      }
    }
    warehouses(first: $first, after: $after, search: $search) @include(if: $warehouses) {
      ...PagedFields
      edges {
        node {
          ...MasterDataFields
        }
      }
    }
    productCategories(first: $first, after: $after, search: $search) @include(if: $categories) {
      ...PagedFields
      edges {
        node {
          ...MasterDataFields
        }
      }
    }
  }
`);

export type MasterDataKind = 'customers' | 'suppliers' | 'products' | 'warehouses' | 'categories';

/** The variables that fetch one page of `kind`. */
export function masterDataVariables(
  kind: MasterDataKind,
  page: { first: number; after?: string | null; search?: string | null },
): MasterDataQueryVariables {
  return { first: page.first, after: page.after ?? null, search: page.search ?? null, [kind]: true };
}

type Connections = {
  customers: MasterDataResult['customers'];
  suppliers: MasterDataResult['suppliers'];
  products: MasterDataResult['products'];
  warehouses: MasterDataResult['warehouses'];
  categories: MasterDataResult['productCategories'];
};

/** The connection of `kind` in a MasterData result. */
export function masterDataConnection<K extends MasterDataKind>(data: MasterDataResult | undefined, kind: K): Connections[K] | undefined {
  if (!data) return undefined;
  const all: Connections = {
    customers: data.customers,
    suppliers: data.suppliers,
    products: data.products,
    warehouses: data.warehouses,
    categories: data.productCategories,
  };
  return all[kind] ?? undefined;
}

/** As many of a kind as a select offers. */
export const OPTIONS_PAGE = 100;
