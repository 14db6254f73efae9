-- wrk script for scripts/scale-bench.sh: every request is a new response to the `scale`
-- consultation (20 priorities, 5 groups). Each group has its own taste; a participant's order
-- is that taste plus a good deal of personal noise, and they rank the first 3 to 20 of it and
-- leave the rest unranked, so almost every ranking is unique, as with real people.
-- Arguments (after --): the run number, so that ids stay unique across runs.

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_no", threads)
end

local run = 0
local sent = 0
local taste = {}
function init(args)
  run = tonumber(args[1]) or 0
  math.randomseed(run * 7919 + thread_no)
  for g = 1, 5 do
    taste[g] = {}
    for p = 1, 20 do
      -- Each group likes the priorities in a different rotation.
      taste[g][p] = ((p + 4 * g) % 20) / 20
    end
  end
end

function request()
  sent = sent + 1
  local g = math.random(5)
  local keys, order = {}, {}
  for p = 1, 20 do
    keys[p] = taste[g][p] + math.random() * 0.8
    order[p] = p
  end
  table.sort(order, function(a, b) return keys[a] > keys[b] end)
  local ranked = {}
  for i = 1, math.random(3, 20) do
    ranked[i] = string.format('"p%02d"', order[i])
  end
  local shown = {}
  for p = 1, 20 do
    shown[p] = string.format('"p%02d"', p)
  end
  local body = string.format(
    '{"id":"%08x-0000-4000-8000-%012x","group":"g%d","ranking":[%s],"shown":[%s],"lang":"de"}',
    run * 256 + thread_no, sent, g, table.concat(ranked, ","), table.concat(shown, ","))
  return wrk.format("POST", "/api/v1/consultations/scale/responses",
    { ["Content-Type"] = "application/json" }, body)
end
