// The link from an extension to a batch's page inside Loupe. `app:` resolves against the app's URL in
// the admin (admin/apps/<handle>/…), and Loupe's embedded pages live under /app: app/routes/app.batches.$id.tsx.
export const BATCH_PAGE_PATH = "app/batches/";

export function batchAppLink(batchId: string): string {
  return `app:${BATCH_PAGE_PATH}${encodeURIComponent(batchId)}`;
}
