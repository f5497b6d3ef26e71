import { describe, it } from "vitest";
import { checkExtension } from "../../shared/tests/extension-files";

describe("retouch-products", () => {
  it("is one admin action on the product list's selection (admin.product-index.selection-action.render), built from src/ActionExtension.tsx", () => {
    checkExtension("retouch-products", "admin.product-index.selection-action.render");
  });
});
