-- POST /v1/payments, a distinct merchant order id per request. Args: API key, a tag unique to the round, and
-- optionally a file prefix: each thread then appends the ids of the payments it created to "<prefix>.<thread>".
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua"
require "common"

local n = 0
local headers, tag, ids

function init(args)
  headers = { ["Authorization"] = "Bearer " .. args[1], ["Content-Type"] = "application/json" }
  tag = args[2] .. "-" .. tid
  if args[3] then ids = io.open(args[3] .. "." .. tid, "a") end
end

function request()
  n = n + 1
  local body = string.format(
    '{"channel":"wechat.native","merchantOrderId":"%s-%d","amount":%d,"currency":"CNY","description":"Load test","clientIp":"203.0.113.7"}',
    tag, n, 100 + n % 900)
  return wrk.format("POST", "/v1/payments", headers, body)
end

function response(status, headers, body)
  if status ~= 201 then
    bad = bad + 1
  elseif ids then
    ids:write(body:match('"id":"(pay_[^"]+)"'), "\n")
    ids:flush()
  end
end
