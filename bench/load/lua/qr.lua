-- GET /v1/payments/{id}/qr.png over a set of pending payments. Args: file of payment ids (one a line).
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua"
require "common"

local paths, i = {}, 0

function init(args)
  for _, id in ipairs(read_lines(args[1], function() return true end)) do
    table.insert(paths, "/v1/payments/" .. id .. "/qr.png")
  end
  i = tid
end

function request()
  i = i + 1
  return wrk.format("GET", paths[i % #paths + 1])
end

function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end
