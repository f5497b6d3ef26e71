import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { authenticate } from "../../core/shopify/shopify-app.server";
import { config } from "../../core/config.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await authenticate.admin(request);
  return { apiKey: config.apiKey, demo: config.demo };
}

export default function AppLayout() {
  const { apiKey, demo } = useLoaderData<typeof loader>();
  // In the demo there is no Shopify admin around the app, so App Bridge's script is not loaded
  // (public/demo-app-bridge.js stands in for its session tokens).
  return (
    <AppProvider isEmbeddedApp={!demo} apiKey={apiKey}>
      {demo ? null : (
        <NavMenu>
          <Link to="/app" rel="home">
            Home
          </Link>
          <Link to="/app/settings">Settings</Link>
        </NavMenu>
      )}
      <Outlet />
    </AppProvider>
  );
}

export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
