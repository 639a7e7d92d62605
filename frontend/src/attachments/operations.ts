import { graphql } from '../gql';

export const AttachmentFieldsFragment = graphql(`
  fragment AttachmentFields on Attachment {
    id
    fileName
    contentType
    size
    uploadedAt
    downloadUrl
    uploadedBy {
      id
      displayName
    }
    viewerCan {
      delete
    }
  }
`);

export const DeleteAttachmentMutation = graphql(`
  mutation DeleteAttachment($input: DeleteAttachmentInput!) {
    deleteAttachment(input: $input) {
      __typename
      ... on DeleteAttachmentSuccess {
        deletedId
      }
      ... on DeleteAttachmentError {
        code
        field
        message
      }
    }
  }
`);
