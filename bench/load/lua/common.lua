-- Shared by the workload scripts: thread numbering, a count of non-success replies per thread, and one
-- JSON line of results at the end (read by bench/load/run.sh).
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

bad = 0
consumed = 0
overflow = 0

function done(summary, latency, requests)
  local bad_sum, overflow_sum, consumed_min, consumed_max = 0, 0, nil, 0
  for _, t in ipairs(threads) do
    bad_sum = bad_sum + (t:get("bad") or 0)
    overflow_sum = overflow_sum + (t:get("overflow") or 0)
    local c = t:get("consumed") or 0
    if consumed_min == nil or c < consumed_min then consumed_min = c end
    if c > consumed_max then consumed_max = c end
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,"socket_errors":%d,"status_errors":%d,"bad_replies":%d,"consumed_min":%d,"consumed_max":%d,"threads":%d,"overflow":%d}\n',
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout, e.status, bad_sum, consumed_min or 0, consumed_max, #threads, overflow_sum))
end

-- Lines of a file, keeping those whose 0-based index i satisfies keep(i).
function read_lines(path, keep)
  local lines, i = {}, 0
  for line in io.lines(path) do
    if keep(i) then table.insert(lines, line) end
    i = i + 1
  end
  return lines
end
