import { describe, expect, it } from "vitest";
import { batchAppLink } from "../app-link";
import { readStartResponse, startBatch, startBatchRequest, type StartOutcome } from "../start-batch";
import { readLocale, translate } from "./translate";

const en = readLocale("retouch-products");
const words = (o: StartOutcome) => translate(en, o.message);

describe("the request", () => {
  it("posts a collection id, or the selected product ids once each, as JSON to /api/batches", () => {
    expect(startBatchRequest({ collectionId: "gid://shopify/Collection/7" })).toEqual({
      url: "/api/batches",
      init: {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: '{"collectionId":"gid://shopify/Collection/7"}',
      },
    });
    const r = startBatchRequest({
      productIds: ["gid://shopify/Product/1", "gid://shopify/Product/2", "gid://shopify/Product/1"],
    });
    expect(JSON.parse(r.init.body)).toEqual({ productIds: ["gid://shopify/Product/1", "gid://shopify/Product/2"] });
  });
});

describe("the answer", () => {
  it("201: started, with a link to the batch page in the app", () => {
    const o = readStartResponse(201, { batch: { id: "cm3x9", status: "pulling", total: 0 } });
    expect(o).toMatchObject({
      kind: "started",
      batch: { id: "cm3x9", status: "pulling", total: 0 },
      link: "app:app/batches/cm3x9",
    });
    expect(words(o)).toBe(
      "Loupe is collecting the photos and will start retouching in a moment. You'll review them before anything changes in your store.",
    );
    expect(words(readStartResponse(201, { batch: { id: "b2", status: "running", total: 12 } }))).toBe(
      "Loupe is retouching 12 images. You'll review them before anything changes in your store.",
    );
    expect(words(readStartResponse(200, { batch: { id: "b3", status: "running", total: 1 } }))).toBe(
      "Loupe is retouching 1 image. You'll review it before anything changes in your store.",
    );
  });

  it("errors in plain words, and whether trying again can help", () => {
    const cases: Array<[number, unknown, string, boolean]> = [
      [401, null, "Your Shopify session has expired. Close this window and open it again.", false],
      [
        403,
        { error: "forbidden" },
        "Loupe isn't allowed to do this in your store yet. Open Loupe from Apps to finish setting it up.",
        false,
      ],
      [
        400,
        { error: "Choose at least one product." },
        "Loupe couldn't start the batch: Choose at least one product.",
        false,
      ],
      [422, {}, "There is nothing to retouch here.", false],
      [
        409,
        { error: { message: "A batch for this collection is already running." } },
        "Loupe couldn't start the batch: A batch for this collection is already running.",
        false,
      ],
      [429, null, "Too many batches were started at once. Wait a minute, then try again.", true],
      [
        500,
        null,
        "Loupe couldn't start the batch because of a problem on its side (error 500). Try again in a minute.",
        true,
      ],
      [
        503,
        "<html>",
        "Loupe couldn't start the batch because of a problem on its side (error 503). Try again in a minute.",
        true,
      ],
      [201, { id: "no-batch-wrapper" }, "Loupe gave an unexpected answer (status 201). Try again.", true],
      [302, null, "Loupe gave an unexpected answer (status 302). Try again.", true],
    ];
    for (const [status, body, text, canRetry] of cases) {
      const o = readStartResponse(status, body);
      expect(o.kind, `status ${status}`).toBe("error");
      expect(words(o)).toBe(text);
      expect(o.kind === "error" && o.canRetry).toBe(canRetry);
    }
  });
});

describe("startBatch", () => {
  it("sends the request through the given fetch and reads the JSON answer", async () => {
    const seen: Array<[string, unknown]> = [];
    const o = await startBatch(
      async (url, init) => {
        seen.push([url, init]);
        return { status: 201, text: async () => JSON.stringify({ batch: { id: "b9", status: "pulling", total: 0 } }) };
      },
      { collectionId: "gid://shopify/Collection/7" },
    );
    expect(seen).toEqual([["/api/batches", startBatchRequest({ collectionId: "gid://shopify/Collection/7" }).init]]);
    expect(o).toMatchObject({ kind: "started", link: "app:app/batches/b9" });
  });

  it("a network failure or a body that is not JSON becomes an outcome, not a throw", async () => {
    const down = await startBatch(
      async () => {
        throw new TypeError("Failed to fetch");
      },
      { productIds: ["gid://shopify/Product/1"] },
    );
    expect(words(down)).toBe("Loupe couldn't be reached. Check your connection and try again.");
    const html = await startBatch(async () => ({ status: 502, text: async () => "<html>Bad gateway</html>" }), {
      productIds: ["gid://shopify/Product/1"],
    });
    expect(words(html)).toBe(
      "Loupe couldn't start the batch because of a problem on its side (error 502). Try again in a minute.",
    );
  });
});

describe("batchAppLink", () => {
  it("points at the app's batch page, with the id escaped", () => {
    expect(batchAppLink("cm3x9")).toBe("app:app/batches/cm3x9");
    expect(batchAppLink("a/b?c")).toBe("app:app/batches/a%2Fb%3Fc");
  });
});
