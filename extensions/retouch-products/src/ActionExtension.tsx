// Admin action on the product list's selection: shows how many images of the selected products Loupe
// would retouch, starts the batch (POST /api/batches { productIds }) and links to it in the app.
// The component is shared with the other admin action (../../shared/RetouchAction.tsx); only the
// selection differs.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { RetouchAction } from "../../shared/RetouchAction";
import { productsSelection } from "../../shared/selection";

export default async () => {
  render(<Extension />, document.body);
};

function Extension() {
  return <RetouchAction api={shopify} selection={productsSelection(shopify.data.selected)} />;
}
