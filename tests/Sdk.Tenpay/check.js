// Holds the sandbox to a WeChat Pay v2 client we did not write: the tenpay npm SDK signs every request and
// checks every reply's sign, appid and mch_id itself (it throws on a mismatch). Run by
// tests/Gateway.FunctionalTests/Sdk/TenpaySdkTests.cs against a running sandbox:
//   SANDBOX=http://127.0.0.1:PORT/sandbox APPID=… MCHID=… API_KEY=… node check.js
// Exits non-zero on the first failed check.
'use strict';
const assert = require('node:assert/strict');
const Tenpay = require('tenpay');

const env = name => process.env[name] || fail(`${name} is not set`);
const sandbox = env('SANDBOX');
const base = `${sandbox}/wechatpay`;
const config = { appid: env('APPID'), mchid: env('MCHID'), partnerKey: env('API_KEY'), notify_url: `${base}/sdk-notify`, spbill_create_ip: '127.0.0.1' };
const run = Date.now().toString(36);
let passed = 0;

function fail(message) {
  console.error(`tenpay check: FAILED: ${message}`);
  process.exit(1);
}

// The SDK knows only api.mch.weixin.qq.com; point the operations checked here at the sandbox.
function client(partnerKey = config.partnerKey) {
  const api = new Tenpay({ ...config, partnerKey });
  for (const operation of ['unifiedorder', 'orderquery', 'closeorder']) {
    api.urls[operation] = `${base}/pay/${operation}`;
  }
  return api;
}

async function check(name, body) {
  try {
    await body();
    passed++;
    console.log(`ok - ${name}`);
  } catch (error) {
    fail(`${name}: ${error.stack || error}`);
  }
}

async function rejects(promise, code) {
  await assert.rejects(promise, error => error.message.includes(code), `expected ${code}`);
}

async function post(path, json) {
  const response = await fetch(`${sandbox}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });
  return { status: response.status, body: await response.json() };
}

async function main() {
  const api = client();
  for (const sign_type of ['MD5', 'HMAC-SHA256']) {
    const tag = sign_type === 'MD5' ? 'md5' : 'hmac';
    const order = { out_trade_no: `sdk-${tag}-${run}`, body: 'SDK 检查', total_fee: 101, trade_type: 'NATIVE', product_id: 'sdk-1', sign_type };
    let placed;

    await check(`${sign_type} unifiedorder answers a signed code_url and prepay_id`, async () => {
      placed = await api.unifiedOrder({ ...order });
      assert.match(placed.code_url, /^weixin:\/\/wxpay\/bizpayurl\?pr=\w+$/);
      assert.match(placed.prepay_id, /^wx\d{14}\w+$/);
      assert.equal(placed.trade_type, 'NATIVE');
    });
    await check(`${sign_type} unifiedorder again with the same terms keeps the prepay_id`, async () => {
      assert.equal((await api.unifiedOrder({ ...order })).prepay_id, placed.prepay_id);
    });
    await check(`${sign_type} unifiedorder again with another amount is INVALID_REQUEST`, async () => {
      await rejects(api.unifiedOrder({ ...order, total_fee: 102 }), 'INVALID_REQUEST');
    });
    await check(`${sign_type} orderquery says NOTPAY`, async () => {
      const query = await api.orderQuery({ out_trade_no: order.out_trade_no, sign_type });
      assert.equal(query.trade_state, 'NOTPAY');
      assert.equal(query.out_trade_no, order.out_trade_no);
    });
    await check(`${sign_type} closeorder closes it, and orderquery says CLOSED`, async () => {
      assert.equal((await api.closeOrder({ out_trade_no: order.out_trade_no, sign_type })).result_code, 'SUCCESS');
      assert.equal((await api.orderQuery({ out_trade_no: order.out_trade_no, sign_type })).trade_state, 'CLOSED');
    });
    await check(`${sign_type} closeorder again is ORDERCLOSED`, async () => {
      await rejects(api.closeOrder({ out_trade_no: order.out_trade_no, sign_type }), 'ORDERCLOSED');
    });
  }

  await check('a paid order reads SUCCESS with its transaction in orderquery', async () => {
    const out_trade_no = `sdk-paid-${run}`;
    const placed = await api.unifiedOrder({ out_trade_no, body: 'paid by the sandbox payer', total_fee: 250, trade_type: 'NATIVE', product_id: 'sdk-2' });
    // No notify for this one: the SDK check has no receiver (the fault is the sandbox's own notify_drop).
    assert.equal((await post('/faults', { merchant: config.mchid, kind: 'notify_drop', count: 1 })).status, 201);
    const paid = await post('/wechatpay/scan', { codeUrl: placed.code_url });
    assert.equal(paid.status, 200, JSON.stringify(paid.body));
    const query = await api.orderQuery({ out_trade_no });
    assert.equal(query.trade_state, 'SUCCESS');
    assert.equal(query.total_fee, '250');
    assert.match(query.transaction_id, /^4200\d{24}$/);
    assert.equal(query.transaction_id, paid.body.transactionId);
  });
  await check('orderquery of an unknown order is ORDERNOTEXIST', async () => {
    await rejects(api.orderQuery({ out_trade_no: `sdk-none-${run}` }), 'ORDERNOTEXIST');
  });
  await check('a request signed with another key is refused (签名错误)', async () => {
    await rejects(client('0'.repeat(32)).orderQuery({ out_trade_no: `sdk-md5-${run}` }), '签名错误');
  });

  console.log(`tenpay check: ${passed} passed`);
}

main().catch(error => fail(error.stack || String(error)));
