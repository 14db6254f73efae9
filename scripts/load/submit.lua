-- wrk script for scripts/load-bench.sh: every request is a new, valid response to the demo
-- consultation (a fresh id per request, groups and ranking lengths varying).

local priorities = {
  "digital-identity", "services-online", "once-only", "federal-it",
  "shared-platforms", "digital-skills", "impact-steering", "visible-progress",
}
local groups = { "citizens", "civil-society", "academia", "business" }

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_no", threads)
end

local sent = 0
function request()
  sent = sent + 1
  local ranked = {}
  for i = 1, 3 + sent % 6 do
    ranked[i] = '"' .. priorities[(sent + i) % #priorities + 1] .. '"'
  end
  local shown = {}
  for i, p in ipairs(priorities) do
    shown[i] = '"' .. p .. '"'
  end
  local body = string.format(
    '{"id":"%08x-0000-4000-8000-%012x","group":"%s","ranking":[%s],"shown":[%s],"lang":"de"}',
    thread_no, sent, groups[sent % #groups + 1], table.concat(ranked, ","), table.concat(shown, ","))
  return wrk.format("POST", "/api/v1/consultations/demo/responses",
    { ["Content-Type"] = "application/json" }, body)
end
