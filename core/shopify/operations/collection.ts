// A collection's products, page by page, and the bulk-operation path for large collections.
export const COLLECTION_PRODUCTS = `#graphql
  query CollectionProducts($id: ID!, $after: String) {
    collection(id: $id) {
      id
      title
      productsCount { count precision }
      products(first: 50, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id title }
      }
    }
  }
`;

export const RUN_BULK = `#graphql
  mutation RunBulk($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation { id status }
      userErrors { field message code }
    }
  }
`;

export const BULK_STATUS = `#graphql
  query BulkStatus($id: ID!) {
    bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount url partialDataUrl }
  }
`;

/** The inner query sent as a string to bulkOperationRunQuery (validated as an operation in tests). */
export function bulkCollectionProductsQuery(collectionNumericId: string): string {
  if (!/^\d+$/.test(collectionNumericId)) throw new Error(`not a numeric collection id: ${collectionNumericId}`);
  return BULK_COLLECTION_PRODUCTS.replace("collection_id:0", `collection_id:${collectionNumericId}`);
}

/** Every product of the collection WITH its media, in one bulk operation (no per-product media query:
 *  a ProductMedia query costs ~100 points, against a 100-points-per-second restore on standard plans). */
export const BULK_COLLECTION_PRODUCTS = `#graphql
  query BulkCollectionProducts {
    products(query: "collection_id:0") {
      edges {
        node {
          id
          title
          media {
            edges {
              node {
                id
                alt
                mediaContentType
                status
                ... on MediaImage {
                  mimeType
                  createdAt
                  updatedAt
                  image { url width height }
                }
              }
            }
          }
        }
      }
    }
  }
`;
