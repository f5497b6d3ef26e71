// The presigned-URL checker in front of the test S3 server, against AWS's published example
// (S3 API reference, "Authenticating Requests: Using Query Parameters", GET /test.txt).
import { describe, expect, it } from "vitest";
import { verifyPresigned } from "../../support/sigv4";

const SECRETS = { AKIAIOSFODNN7EXAMPLE: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const HOST = "examplebucket.s3.amazonaws.com";
const QUERY =
  "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request" +
  "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host";
const SIGNATURE = "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
const AN_HOUR_LATER = Date.UTC(2013, 4, 24, 1, 0, 0);

describe("SigV4 presigned URL check", () => {
  it("accepts AWS's example URL within its lifetime", () => {
    expect(verifyPresigned("GET", `/test.txt?${QUERY}&X-Amz-Signature=${SIGNATURE}`, HOST, SECRETS, AN_HOUR_LATER)).toEqual({ ok: true });
  });

  it("refuses another object, another host, another secret, a changed signature, and an expired URL", () => {
    const url = `/test.txt?${QUERY}&X-Amz-Signature=${SIGNATURE}`;
    expect(verifyPresigned("GET", url.replace("/test.txt", "/test2.txt"), HOST, SECRETS, AN_HOUR_LATER)).toEqual({ ok: false, reason: "signature does not match" });
    expect(verifyPresigned("GET", url, "other.s3.amazonaws.com", SECRETS, AN_HOUR_LATER)).toEqual({ ok: false, reason: "signature does not match" });
    expect(verifyPresigned("GET", url, HOST, { AKIAIOSFODNN7EXAMPLE: "wrong" }, AN_HOUR_LATER)).toEqual({ ok: false, reason: "signature does not match" });
    expect(verifyPresigned("GET", url.replace("X-Amz-Expires=86400", "X-Amz-Expires=86401"), HOST, SECRETS, AN_HOUR_LATER).ok).toBe(false);
    expect(verifyPresigned("GET", url, HOST, SECRETS, Date.UTC(2013, 4, 25, 0, 0, 1))).toEqual({ ok: false, reason: "expired" });
    expect(verifyPresigned("GET", url, HOST, {}, AN_HOUR_LATER)).toEqual({ ok: false, reason: "bad credential scope" });
  });
});
