// Any URL no other route serves (a browser asking for /apple-touch-icon.png, a crawler guessing paths,
// a stale link): a 404 page, rendered like every document (with the embedded app's frame-ancestors
// policy) but without a stack trace in the server log — a thrown Response is an answer, not an error.
import { useRouteError, isRouteErrorResponse } from "@remix-run/react";

export function loader(): never {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <main style={{ font: "14px/20px system-ui, sans-serif", padding: 24 }}>
      <h1 style={{ fontSize: 20 }}>{status === 404 ? "This page doesn't exist." : "Something went wrong."}</h1>
      <p>
        <a href="/app">Back to Loupe</a>
      </p>
    </main>
  );
}
