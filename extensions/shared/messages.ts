// A message for the merchant: a key in the extension's locales/*.json plus its values.
// The texts live in the locale files so the admin shows them in the merchant's language.
export interface Msg {
  key: MsgKey;
  params?: Record<string, string | number>;
}

export const MSG_KEYS = [
  "name",
  "heading",
  "loading",
  "summaryCollection",
  "summaryProducts",
  "summaryImages",
  "summaryImagesAtLeast",
  "summaryAtLeast",
  "nothingNoProducts",
  "nothingNoImages",
  "countFailed",
  "start",
  "starting",
  "close",
  "started",
  "startedCollecting",
  "openBatch",
  "errSession",
  "errForbidden",
  "errNothing",
  "errTooMany",
  "errServer",
  "errNetwork",
  "errRejected",
  "errUnexpected",
  "tryAgain",
] as const;

export type MsgKey = (typeof MSG_KEYS)[number];

export const msg = (key: MsgKey, params?: Msg["params"]): Msg => (params ? { key, params } : { key });
