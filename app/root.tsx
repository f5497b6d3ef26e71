import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import { config, DEMO_SHOP } from "../core/config.server";

export async function loader() {
  return { demo: config.demo, shop: config.demo ? DEMO_SHOP : null };
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="en" data-shop={data?.shop ?? undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="preconnect" href="https://cdn.shopify.com/" />
        {data?.demo ? <script src="/demo-app-bridge.js" /> : null}
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}
