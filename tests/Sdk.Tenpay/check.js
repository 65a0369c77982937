// Holds the sandbox to a WeChat Pay v2 client we did not write: the tenpay npm SDK signs every request and
// checks every reply's sign, appid and mch_id itself (it throws on a mismatch). Run by
// tests/Gateway.FunctionalTests/Sdk/TenpaySdkTests.cs against a running sandbox:
//   SANDBOX=http://127.0.0.1:PORT/sandbox APPID=… MCHID=… API_KEY=… \
//   SECAPI=https://127.0.0.1:TLSPORT/sandbox/wechatpay CLIENT_PFX=… WRONG_PFX=… OTHER_PFX=… NODE_EXTRA_CA_CERTS=ca.pem node check.js
// The PKCS#12 files (passphrase = mch_id, as the SDK assumes) are the merchant's API client certificate, a self-signed
// one and another merchant's; the CA is the sandbox's (test mode makes both at start-up).
// Exits non-zero on the first failed check.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const Tenpay = require('tenpay');

const env = name => process.env[name] || fail(`${name} is not set`);
const sandbox = env('SANDBOX');
const base = `${sandbox}/wechatpay`;
const secapi = env('SECAPI');
const pfx = { client: fs.readFileSync(env('CLIENT_PFX')), wrong: fs.readFileSync(env('WRONG_PFX')), other: fs.readFileSync(env('OTHER_PFX')) };
const config = { appid: env('APPID'), mchid: env('MCHID'), partnerKey: env('API_KEY'), notify_url: `${base}/sdk-notify`, spbill_create_ip: '127.0.0.1' };
const run = Date.now().toString(36);
let passed = 0;

function fail(message) {
  console.error(`tenpay check: FAILED: ${message}`);
  process.exit(1);
}

// The SDK knows only api.mch.weixin.qq.com; point the operations checked here at the sandbox (refund: its mutual-TLS port).
function client(partnerKey = config.partnerKey, certificate = pfx.client) {
  const api = new Tenpay({ ...config, partnerKey, pfx: certificate });
  for (const operation of ['unifiedorder', 'orderquery', 'closeorder', 'refundquery']) {
    api.urls[operation] = `${base}/pay/${operation}`;
  }
  api.urls.refund = `${secapi}/secapi/pay/refund`;
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
    const paid = await paidOrder(api, out_trade_no, 250);
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

  await refunds(api);
  console.log(`tenpay check: ${passed} passed`);
}

// Places a NATIVE order and has the sandbox's payer pay it. No notify: the SDK check has no receiver (the fault is
// the sandbox's own notify_drop).
async function paidOrder(api, out_trade_no, total_fee) {
  const placed = await api.unifiedOrder({ out_trade_no, body: 'paid by the sandbox payer', total_fee, trade_type: 'NATIVE', product_id: 'sdk-2' });
  assert.equal((await post('/faults', { merchant: config.mchid, kind: 'notify_drop', count: 1 })).status, 201);
  const paid = await post('/wechatpay/scan', { codeUrl: placed.code_url });
  assert.equal(paid.status, 200, JSON.stringify(paid.body));
  return paid;
}

// secapi/pay/refund over mutual TLS (docs/protocols.md §B4, §G2) and pay/refundquery (§B5).
async function refunds(api) {
  const out_trade_no = `sdk-refund-${run}`;
  const out_refund_no = `sdk-r1-${run}`;
  let accepted;
  await paidOrder(api, out_trade_no, 300);

  await check('refund with the merchant certificate is accepted, signed, with its refund_id', async () => {
    accepted = await api.refund({ out_trade_no, out_refund_no, total_fee: 300, refund_fee: 100 });
    assert.equal(accepted.out_refund_no, out_refund_no);
    assert.equal(accepted.refund_fee, '100');
    assert.equal(accepted.total_fee, '300');
    assert.match(accepted.refund_id, /^\d{20,32}$/);
  });
  await check('refund again with the same out_refund_no and terms is the same refund', async () => {
    assert.equal((await api.refund({ out_trade_no, out_refund_no, total_fee: 300, refund_fee: 100 })).refund_id, accepted.refund_id);
  });
  await check('refundquery sees the refund, and it ends SUCCESS', async () => {
    const deadline = Date.now() + 15000;
    let query;
    do {
      query = await api.refundQuery({ out_refund_no });
      assert.equal(query.refund_count, '1');
      assert.equal(query.out_refund_no_0, out_refund_no);
      assert.equal(query.refund_id_0, accepted.refund_id);
      assert.equal(query.refund_fee_0, '100');
      assert.match(query.refund_status_0, /^(PROCESSING|SUCCESS)$/);
    } while (query.refund_status_0 !== 'SUCCESS' && Date.now() < deadline && await sleep(200));
    assert.equal(query.refund_status_0, 'SUCCESS');
  });
  await check('refund of more than is left of the order is refused (ERROR)', async () => {
    const over = api.refund({ out_trade_no, out_refund_no: `sdk-r2-${run}`, total_fee: 300, refund_fee: 201 });
    await assert.rejects(over, error => error.message === 'ERROR', 'expected err_code ERROR');
  });
  await check('refund while the balance is short is NOTENOUGH, and the same out_refund_no goes through later', async () => {
    const fault = { merchant: config.mchid, kind: 'error', api: 'refund', errCode: 'NOTENOUGH', count: 1 };
    assert.equal((await post('/faults', fault)).status, 201);
    const retry = { out_trade_no, out_refund_no: `sdk-r3-${run}`, total_fee: 300, refund_fee: 50 };
    await rejects(api.refund({ ...retry }), 'NOTENOUGH');
    assert.equal((await api.refund({ ...retry })).refund_fee, '50');
  });
  await check('refund without a client certificate is refused (证书错误)', async () => {
    await rejects(client(config.partnerKey, null).refund({ out_trade_no, out_refund_no: `sdk-r4-${run}`, total_fee: 300, refund_fee: 1 }), '证书错误');
  });
  await check('refund with a self-signed certificate for this mch_id is refused (证书错误)', async () => {
    await rejects(client(config.partnerKey, pfx.wrong).refund({ out_trade_no, out_refund_no: `sdk-r5-${run}`, total_fee: 300, refund_fee: 1 }), '证书错误');
  });
  await check("refund with another merchant's certificate is refused (证书错误)", async () => {
    await rejects(client(config.partnerKey, pfx.other).refund({ out_trade_no, out_refund_no: `sdk-r6-${run}`, total_fee: 300, refund_fee: 1 }), '证书错误');
  });
  await check('the refused refunds changed nothing: refundquery lists the two accepted ones', async () => {
    const query = await api.refundQuery({ out_trade_no });
    assert.equal(query.refund_count, '2');
    assert.deepEqual([query.refund_fee_0, query.refund_fee_1].sort(), ['100', '50']);
  });
  await check('refundquery of an unknown refund is REFUNDNOTEXIST', async () => {
    await rejects(api.refundQuery({ out_refund_no: `sdk-none-${run}` }), 'REFUNDNOTEXIST');
  });
}

function sleep(ms) {
  return new Promise(resolve => setTimeout(() => resolve(true), ms));
}

main().catch(error => fail(error.stack || String(error)));
