// Admin GraphQL queries the extensions run through shopify.query() to show what will be retouched.
// Tagged with the graphql comment marker so the repo's operation check validates them against Shopify's schema
// (no deprecated fields: mediaCount, not images/featuredImage).

/** A collection, its product count, and one page of its products' media counts. */
export const COLLECTION_SUMMARY_QUERY = `#graphql
  query RetouchCollectionSummary($id: ID!, $after: String) {
    collection(id: $id) {
      id
      title
      productsCount {
        count
        precision
      }
      products(first: 50, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          mediaCount {
            count
            precision
          }
        }
      }
    }
  }
`;

/** The selected products' media counts (at most 250 ids per call). */
export const PRODUCTS_SUMMARY_QUERY = `#graphql
  query RetouchProductsSummary($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Product {
        id
        title
        mediaCount {
          count
          precision
        }
      }
    }
  }
`;

export const NODES_PER_CALL = 250;
