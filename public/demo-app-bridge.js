// Demo only (LOUPE_DEMO=1): stands in for App Bridge in a plain browser. Like App Bridge, it gives
// the app window.shopify.idToken() and adds "Authorization: Bearer <session token>" to the app's
// own relative fetch calls. Tokens come from the demo server, which plays the Shopify admin.
(function () {
  if (window.shopify) return;
  var cached = null;
  function idToken() {
    if (cached && cached.exp > Date.now() + 5000) return Promise.resolve(cached.token);
    return window.__loupeRealFetch("/demo/session-token", { credentials: "same-origin" })
      .then(function (r) { return r.text(); })
      .then(function (token) { cached = { token: token, exp: Date.now() + 50000 }; return token; });
  }
  window.__loupeRealFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var url = new URL(typeof input === "string" ? input : input.url, location.href);
    if (url.origin !== location.origin || url.pathname.indexOf("/demo/") === 0) return window.__loupeRealFetch(input, init);
    return idToken().then(function (token) {
      var req = new Request(input, init);
      var headers = new Headers(req.headers);
      headers.set("Authorization", "Bearer " + token);
      return window.__loupeRealFetch(new Request(req, { headers: headers }));
    });
  };
  window.shopify = { demo: true, idToken: idToken, config: { shop: document.documentElement.dataset.shop } };
})();
