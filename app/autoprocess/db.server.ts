// The Prisma client auto-processing uses: the same one as the batch services and the worker
// (the process's client, unless a test or a worker swapped another in with useDb()).
export { db } from "../batches/db.server";
