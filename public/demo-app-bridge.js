// Demo only (LOUPE_DEMO=1): stands in for App Bridge in a plain browser. Like App Bridge, it gives
// the app window.shopify.idToken() and adds "Authorization: Bearer <session token>" to the app's
// own relative fetch calls. Tokens come from the demo server, which plays the Shopify admin.
(function () {
  if (window.shopify) return;
  var cached = null;
  function idToken() {
    if (cached && cached.exp > Date.now() + 5000) return Promise.resolve(cached.token);
    return window
      .__loupeRealFetch("/demo/session-token", { credentials: "same-origin" })
      .then(function (r) {
        return r.text();
      })
      .then(function (token) {
        cached = { token: token, exp: Date.now() + 50000 };
        return token;
      });
  }
  window.__loupeRealFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var url = new URL(typeof input === "string" ? input : input.url, location.href);
    if (url.origin !== location.origin || url.pathname.indexOf("/demo/") === 0)
      return window.__loupeRealFetch(input, init);
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
      host.style.cssText =
        "position:fixed;left:50%;bottom:24px;transform:translateX(-50%);display:grid;gap:8px;z-index:1000;pointer-events:none";
      document.documentElement.appendChild(host);
    }
    var el = document.createElement("div");
    el.setAttribute("data-testid", "toast");
    el.setAttribute("data-error", opts && opts.isError ? "true" : "false");
    el.textContent = String(message);
    el.style.cssText =
      "padding:10px 16px;border-radius:10px;font:500 14px/20px system-ui,sans-serif;color:#fff;box-shadow:0 4px 12px rgba(0,0,0,.25);background:" +
      (opts && opts.isError ? "#8e1f0b" : "#303030");
    host.appendChild(el);
    // Like the admin's, one message at a time stays readable: older ones make way.
    while (host.children.length > 2) host.firstChild.remove();
    setTimeout(
      function () {
        el.remove();
      },
      (opts && opts.duration) || 5000,
    );
  }
  // App Bridge's contextual save bar (<ui-save-bar>, what @shopify/app-bridge-react's SaveBar renders):
  // in the admin it replaces the top bar; here a bar fixed at the top of the page with the app's buttons.
  // Its look lives in a shadow root: nothing is added to the server-rendered document, which React
  // hydrates as it is.
  if (window.customElements && !window.customElements.get("ui-save-bar")) {
    var SAVE_BAR_CSS =
      ":host{display:none}" +
      ":host([data-open]){display:flex;position:fixed;top:0;left:0;right:0;z-index:900;gap:8px;align-items:center;padding:10px 16px;background:#1a1a1a;color:#fff;font:600 14px/20px system-ui,sans-serif}" +
      ".label{margin-right:auto}" +
      "::slotted(button){font:600 13px/20px system-ui,sans-serif;padding:4px 12px;border-radius:8px;border:1px solid #555;background:#303030;color:#fff;cursor:pointer}" +
      "::slotted(button[variant=primary]){background:#fff;color:#1a1a1a;border-color:#fff}" +
      "::slotted(button[disabled]){opacity:.6;cursor:default}";
    var SaveBarElement = function () {
      var el = Reflect.construct(HTMLElement, [], SaveBarElement);
      var root = el.attachShadow({ mode: "open" });
      root.innerHTML = "<style>" + SAVE_BAR_CSS + "</style><span class='label'>Unsaved changes</span><slot></slot>";
      return el;
    };
    SaveBarElement.prototype = Object.create(HTMLElement.prototype);
    SaveBarElement.prototype.constructor = SaveBarElement;
    Object.setPrototypeOf(SaveBarElement, HTMLElement);
    SaveBarElement.prototype.show = function () {
      if (this.hasAttribute("data-open")) return Promise.resolve();
      this.setAttribute("data-open", "");
      this.setAttribute("role", "region");
      this.setAttribute("aria-label", "Unsaved changes");
      this.dispatchEvent(new Event("show"));
      return Promise.resolve();
    };
    SaveBarElement.prototype.hide = function () {
      if (!this.hasAttribute("data-open")) return Promise.resolve();
      this.removeAttribute("data-open");
      this.dispatchEvent(new Event("hide"));
      return Promise.resolve();
    };
    SaveBarElement.prototype.toggle = function () {
      return this.hasAttribute("data-open") ? this.hide() : this.show();
    };
    Object.defineProperty(SaveBarElement.prototype, "showing", {
      get: function () {
        return this.hasAttribute("data-open");
      },
    });
    window.customElements.define("ui-save-bar", SaveBarElement);
  }
  window.shopify = {
    demo: true,
    idToken: idToken,
    toast: { show: showToast },
    config: { shop: document.documentElement.dataset.shop },
  };
})();
