// Admin action on a collection's page: shows how many products and images Loupe would retouch,
// starts the batch (POST /api/batches { collectionId }) and links to it in the app.
// The component is shared with the other admin action (../../shared/RetouchAction.tsx); only the
// selection differs.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { RetouchAction } from "../../shared/RetouchAction";
import { collectionSelection } from "../../shared/selection";

export default async () => {
  render(<Extension />, document.body);
};

function Extension() {
  return <RetouchAction api={shopify} selection={collectionSelection(shopify.data.selected)} />;
}
