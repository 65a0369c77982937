-- POST /notify/{instance} with WeChat's signed payment notifies, one per line of the file ("<payment id> <xml>").
-- Args: file, first line, line count, instance, thread count, mode. Thread t sends lines first+t, first+t+T, …:
-- each line once. Mode "first": every request must be a first notify, so a thread that has sent its share
-- stops (counted in "overflow") instead of sending a duplicate. Mode "replay" (duplicate rounds, warm-up):
-- past its share a thread starts again.
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua"
require "common"

local bodies, i, path = {}, 0, nil
local headers = { ["Content-Type"] = "text/xml" }
local nthreads, first_only, out = 2, false, false

function init(args)
  local first, count = tonumber(args[2]), tonumber(args[3])
  nthreads = tonumber(args[5] or "2")
  first_only = args[6] == "first"
  path = "/notify/" .. args[4]
  for _, line in ipairs(read_lines(args[1], function(n)
    return n >= first and n < first + count and (n - first) % nthreads == tid
  end)) do
    table.insert(bodies, line:sub(line:find(" ") + 1))
  end
end

function request()
  if i >= #bodies and (first_only or #bodies == 0) then
    -- Out of pending payments: stop this thread. Connections still asking in this loop turn get a cheap
    -- request that is not a notify (its reply is not counted).
    if not out then
      out = true
      overflow = overflow + 1
      wrk.thread:stop()
    end
    return wrk.format("GET", "/health/live")
  end
  i = i + 1
  consumed = math.min(i, #bodies)
  return wrk.format("POST", path, headers, bodies[(i - 1) % #bodies + 1])
end

function response(status, headers, body)
  if out then return end
  if status ~= 200 or not body:find("SUCCESS", 1, true) then bad = bad + 1 end
end
