namespace Gateway.Checkout;

/// <summary>
/// The page's only style and script, inlined under the response's CSP nonce (no external assets, no build step).
/// The script reads its data from a JSON block, counts down, follows the status stream (Server-Sent Events,
/// long polling where EventSource is missing) and turns the page to its final view.
/// </summary>
internal static class CheckoutAssets
{
    public const string Css = """
        *{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f4f5f7;color:#1f2328}
        main{max-width:420px;margin:0 auto;padding:24px 16px}.card{background:#fff;border-radius:12px;padding:24px;box-shadow:0 1px 3px rgba(0,0,0,.08);text-align:center}
        h1{font-size:18px;margin:0 0 4px}.desc{color:#59636e;margin:0 0 16px}.amount{font-size:36px;font-weight:600;margin:8px 0}
        .qr{width:240px;height:240px;image-rendering:pixelated;margin:8px auto;display:block}.hint{color:#59636e;font-size:14px}
        .countdown{font-variant-numeric:tabular-nums}button,.button{display:inline-block;border:0;border-radius:8px;background:#07c160;color:#fff;
        font-size:16px;padding:12px 24px;margin-top:12px;text-decoration:none;cursor:pointer}.final{font-size:20px;font-weight:600;margin:16px 0}
        .ok{color:#07c160}.bad{color:#cf222e}.hidden{display:none}.choices{display:flex;flex-direction:column;gap:8px}
        """;

    public const string Js = """
        (function () {
          var d = JSON.parse(document.getElementById('checkout-data').textContent);
          var $ = function (id) { return document.getElementById(id); };
          var done = false;
          function pad(n) { return (n < 10 ? '0' : '') + n; }
          function tick() {
            var left = Math.max(0, Math.floor((Date.parse(d.expiresAt) - Date.now()) / 1000));
            var el = $('countdown');
            if (el) { el.textContent = Math.floor(left / 60) + ':' + pad(left % 60); }
          }
          function finish(s) {
            if (done || s.status === 'pending') { return; }
            done = true;
            var live = $('live'); if (live) { live.classList.add('hidden'); }
            var view = $('final-' + s.status) || $('final-failed');
            view.classList.remove('hidden');
            document.body.setAttribute('data-status', s.status);
            if (s.status === 'succeeded' && d.returnUrl) { setTimeout(function () { location.href = d.returnUrl; }, 1500); }
          }
          function poll() {
            if (done) { return; }
            fetch(d.statusUrl + '&wait=25', { cache: 'no-store' }).then(function (r) { return r.ok ? r.json() : null; })
              .then(function (s) { if (s) { finish(s); } setTimeout(poll, s ? 0 : 3000); }, function () { setTimeout(poll, 3000); });
          }
          function follow() {
            if (!window.EventSource) { poll(); return; }
            var es = new EventSource(d.eventsUrl);
            es.addEventListener('status', function (e) { var s = JSON.parse(e.data); finish(s); if (done) { es.close(); } });
          }
          function launch() {
            if (!window.WeixinJSBridge) { document.addEventListener('WeixinJSBridgeReady', launch, false); return; }
            WeixinJSBridge.invoke('getBrandWCPayRequest', d.jsapi, function (res) {
              var m = res && res.err_msg;
              if (m === 'get_brand_wcpay_request:ok') { $('paying').classList.remove('hidden'); }
              else if (m === 'get_brand_wcpay_request:cancel') { $('cancelled').classList.remove('hidden'); }
              else { $('cancelled').classList.remove('hidden'); }
            });
          }
          tick(); setInterval(tick, 1000);
          if (d.status !== 'pending') { finish(d); } else { follow(); }
          var pay = $('jsapi-pay');
          if (pay) { pay.addEventListener('click', launch); if (d.autoLaunch) { launch(); } }
          var form = $('provider-form');
          if (form && d.status === 'pending') { setTimeout(function () { form.submit(); }, 300); }
          var go = $('redirect');
          if (go && d.status === 'pending') { setTimeout(function () { go.click(); }, 300); }
          var auto = $('choice-auto');
          if (auto && d.status === 'pending') { setTimeout(function () { auto.submit(); }, 300); }
          var login = $('wechat-login');
          if (login && d.autoLogin && d.status === 'pending') { location.href = login.href; }
        })();
        """;
}
