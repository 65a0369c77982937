-- The bare Kestrel ceiling: GET / (no response hook, so wrk itself is not the bottleneck here either).
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua"
require "common"
