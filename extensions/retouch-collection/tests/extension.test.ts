import { describe, it } from "vitest";
import { checkExtension } from "../../shared/tests/extension-files";

describe("retouch-collection", () => {
  it("is one admin action on the collection's page (admin.collection-details.action.render), built from src/ActionExtension.tsx", () => {
    checkExtension("retouch-collection", "admin.collection-details.action.render");
  });
});
