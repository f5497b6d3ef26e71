// Runs async work one at a time per key (per shop) inside this process. The Shopify library has no
// lock around refreshing an expiring offline token: two concurrent refreshes would spend the same
// refresh token, and the second would fail. Every refresh goes through this lock.
const tails = new Map<string, Promise<unknown>>();

export function withShopLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const prev = tails.get(key) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
