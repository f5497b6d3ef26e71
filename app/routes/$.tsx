// Any URL no other route serves (a browser asking for /apple-touch-icon.png, a crawler guessing paths):
// a plain 404, with no page render and no stack trace in the server log.
export function loader() {
  return new Response("Not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
