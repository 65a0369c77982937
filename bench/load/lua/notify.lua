-- POST /notify/{instance} with WeChat's signed payment notifies, one per line of the file ("<payment id> <xml>").
-- Args: file, first line, line count, instance. Thread t sends lines first+t, first+t+T, …: each line once, so
-- every request of a "first" round is a first notify; past its share a thread starts again (counted as overflow,
-- and those requests are duplicates). A duplicate round replays lines already notified.
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua"
require "common"

local bodies, i, path = {}, 0, nil
local headers = { ["Content-Type"] = "text/xml" }
local nthreads = 2

function init(args)
  local first, count = tonumber(args[2]), tonumber(args[3])
  nthreads = tonumber(args[5] or "2")
  path = "/notify/" .. args[4]
  for _, line in ipairs(read_lines(args[1], function(n)
    return n >= first and n < first + count and (n - first) % nthreads == tid
  end)) do
    table.insert(bodies, line:sub(line:find(" ") + 1))
  end
end

function request()
  i = i + 1
  if i > #bodies then overflow = overflow + 1 end
  consumed = math.min(i, #bodies)
  return wrk.format("POST", path, headers, bodies[(i - 1) % #bodies + 1])
end

function response(status, headers, body)
  if status ~= 200 or not body:find("SUCCESS", 1, true) then bad = bad + 1 end
end
