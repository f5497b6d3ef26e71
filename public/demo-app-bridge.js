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
  // App Bridge's toast: a short message at the bottom of the admin that goes away by itself.
  function showToast(message, opts) {
    var host = document.getElementById("demo-toasts");
    if (!host) {
      host = document.createElement("div");
      host.id = "demo-toasts";
      host.setAttribute("role", "status");
      host.setAttribute("aria-live", "polite");
      host.style.cssText = "position:fixed;left:50%;bottom:24px;transform:translateX(-50%);display:grid;gap:8px;z-index:1000;pointer-events:none";
      document.documentElement.appendChild(host);
    }
    var el = document.createElement("div");
    el.setAttribute("data-testid", "toast");
    el.setAttribute("data-error", opts && opts.isError ? "true" : "false");
    el.textContent = String(message);
    el.style.cssText = "padding:10px 16px;border-radius:10px;font:500 14px/20px system-ui,sans-serif;color:#fff;box-shadow:0 4px 12px rgba(0,0,0,.25);background:" + (opts && opts.isError ? "#8e1f0b" : "#303030");
    host.appendChild(el);
    setTimeout(function () { el.remove(); }, (opts && opts.duration) || 5000);
  }
  window.shopify = { demo: true, idToken: idToken, toast: { show: showToast }, config: { shop: document.documentElement.dataset.shop } };
})();
