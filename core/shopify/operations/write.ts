// Writing an image back: staged upload, replace in place, and the add/reorder/detach fallback.
export const STAGED_UPLOAD = `#graphql
  mutation StagedUpload($input: [StagedUploadInput!]!) {
    stagedUploadsCreate(input: $input) {
      stagedTargets { url resourceUrl parameters { name value } }
      userErrors { field message }
    }
  }
`;

export const REPLACE_IMAGE = `#graphql
  mutation ReplaceImage($files: [FileUpdateInput!]!) {
    fileUpdate(files: $files) {
      files {
        id
        fileStatus
        ... on MediaImage { status image { url } }
      }
      userErrors { field message code }
    }
  }
`;

export const ACK_FAILED = `#graphql
  mutation AckFailed($ids: [ID!]!) {
    fileAcknowledgeUpdateFailed(fileIds: $ids) {
      files { id fileStatus }
      userErrors { field message code }
    }
  }
`;

export const ADD_PRODUCT_MEDIA = `#graphql
  mutation AddProductMedia($product: ProductUpdateInput!, $media: [CreateMediaInput!]) {
    productUpdate(product: $product, media: $media) {
      product { id media(last: 10, sortKey: POSITION) { nodes { id status mediaContentType } } }
      userErrors { field message }
    }
  }
`;

export const REORDER_MEDIA = `#graphql
  mutation ReorderMedia($id: ID!, $moves: [MoveInput!]!) {
    productReorderMedia(id: $id, moves: $moves) {
      job { id done }
      mediaUserErrors { field message code }
    }
  }
`;

export const JOB_STATUS = `#graphql
  query JobStatus($id: ID!) { job(id: $id) { id done } }
`;

export const DETACH_MEDIA = `#graphql
  mutation DetachMedia($files: [FileUpdateInput!]!) {
    fileUpdate(files: $files) {
      files { id fileStatus }
      userErrors { field message code }
    }
  }
`;

export const VARIANT_MEDIA = `#graphql
  query VariantMedia($id: ID!, $after: String) {
    product(id: $id) {
      id
      variants(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id media(first: 1) { nodes { id } } }
      }
    }
  }
`;

export const APPEND_VARIANT_MEDIA = `#graphql
  mutation AttachVariantMedia($productId: ID!, $variantMedia: [ProductVariantAppendMediaInput!]!) {
    productVariantAppendMedia(productId: $productId, variantMedia: $variantMedia) {
      productVariants { id }
      userErrors { field message code }
    }
  }
`;
