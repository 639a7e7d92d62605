import { graphql } from '../gql';

export const CertificateFields = graphql(`
  fragment CertificateFields on Certificate {
    id
    code
    kind
    title
    citation
    issuedOn
    issuer
    state
    revokeReason
    revokedAt
    pdfUrl
    verifyUrl
    holder {
      id
      displayName
      username
    }
    viewerCan {
      revoke
    }
  }
`);

export const CertificatesQuery = graphql(`
  query Certificates($first: Int!, $after: String, $mine: Boolean!, $state: CertificateState) {
    certificates(first: $first, after: $after, mine: $mine, state: $state) {
      ...PagedFields
      edges {
        node {
          ...CertificateFields
        }
      }
    }
  }
`);

export const IssueCertificateMutation = graphql(`
  mutation IssueCertificate($input: IssueCertificateInput!) {
    issueCertificate(input: $input) {
      __typename
      ... on IssueCertificateSuccess {
        certificate {
          ...CertificateFields
        }
      }
      ... on IssueCertificateError {
        code
        field
        message
      }
    }
  }
`);

export const RevokeCertificateMutation = graphql(`
  mutation RevokeCertificate($input: RevokeCertificateInput!) {
    revokeCertificate(input: $input) {
      __typename
      ... on RevokeCertificateSuccess {
        certificate {
          ...CertificateFields
        }
      }
      ... on RevokeCertificateError {
        code
        field
        message
      }
    }
  }
`);

export const CertificateVerificationQuery = graphql(`
  query CertificateVerification($code: String!) {
    certificateVerification(code: $code) {
      status
      holderName
      title
      issuedOn
    }
  }
`);
