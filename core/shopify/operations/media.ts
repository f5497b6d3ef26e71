// Reading a product's media and its status. Position = index in POSITION order across all media types.
export const PRODUCT_MEDIA = `#graphql
  query ProductMedia($id: ID!, $after: String) {
    product(id: $id) {
      id
      title
      updatedAt
      media(first: 50, after: $after, sortKey: POSITION) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id
          alt
          mediaContentType
          status
          ... on MediaImage {
            fileStatus
            mimeType
            createdAt
            updatedAt
            image { url width height }
          }
        }
      }
    }
  }
`;

export const PRODUCT_TITLE = `#graphql
  query ProductTitle($id: ID!) {
    product(id: $id) { id title }
  }
`;

export const MEDIA_STATUS = `#graphql
  query MediaStatus($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
      ... on MediaImage {
        status
        fileStatus
        updatedAt
        mimeType
        fileErrors { code message details }
        mediaErrors { code message details }
        image { url width height }
      }
    }
  }
`;
