// GENERATED FILE - DO NOT EDIT. Produced by GraphQL Code Generator from ../schema/schema.graphql
// and the graphql() operations in src/; regenerate with `npm run codegen`.
/* eslint-disable */
export * from "./gql";