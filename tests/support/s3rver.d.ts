// Types for the parts of s3rver (an S3-compatible server for tests) that tests/support/s3.ts uses.
declare module "s3rver" {
  import type { IncomingMessage, ServerResponse } from "node:http";
  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    configureBuckets?: Array<{ name: string; configs?: Array<string | Buffer> }>;
  }
  export default class S3rver {
    constructor(options: S3rverOptions);
    /** Creates the configured buckets (run() does this before listening). */
    configureBuckets(): Promise<unknown>;
    /** The request handler, for mounting in our own http server. */
    getMiddleware(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
