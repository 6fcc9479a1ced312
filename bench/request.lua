-- wrk script for bench/run: POSTs a JSON body made from a template, filling {{user}}, {{token}},
-- {{session}}, {{habit}} from the lines of a pool file (one "userId TAB token TAB sessionId TAB habitId"
-- line per request, round robin) and {{rating}}, {{score}}, {{success}} at random. A response that
-- is not 200 or carries GraphQL "errors" is counted as an error; done() prints one line for bench/run.
--
-- wrk -s request.lua URL -- templateFile poolFile authorization
--   authorization: "token" sends "Bearer <token>", "user" sends "Bearer <userId>" (the limit
--   program), "none" sends no Authorization header.

local threads = {}

function setup(thread)
  thread:set("number", #threads + 1)
  table.insert(threads, thread)
end

local function read(path)
  local file = assert(io.open(path, "r"))
  local text = file:read("*a")
  file:close()
  return text
end

function init(args)
  template = read(args[1]):gsub("%s+$", "")
  pool = {}
  for line in io.lines(args[2]) do
    local user, token, session, habit = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)$")
    if user then
      table.insert(pool, { user = user, token = token, session = session, habit = habit })
    end
  end
  if #pool == 0 then
    pool = { { user = "", token = "", session = "", habit = "" } }
  end
  authorization = args[3]
  next_line = (number * 97) % #pool
  errors = 0
  first_error = ""
  math.randomseed(number * 7919)
end

function request()
  local fields = pool[next_line + 1]
  next_line = (next_line + 1) % #pool
  local values = {
    user = fields.user,
    token = fields.token,
    session = fields.session,
    habit = fields.habit,
    rating = tostring(math.random(1, 5)),
    score = string.format("%.2f", math.random()),
    success = math.random() < 0.7 and "true" or "false",
  }
  local body = template:gsub("{{(%w+)}}", values)
  local headers = { ["Content-Type"] = "application/json" }
  if authorization == "token" then
    headers["Authorization"] = "Bearer " .. fields.token
  elseif authorization == "user" then
    headers["Authorization"] = "Bearer " .. fields.user
  end
  return wrk.format("POST", nil, headers, body)
end

function response(status, headers, body)
  if status ~= 200 or body:find('"errors"', 1, true) then
    errors = errors + 1
    if first_error == "" then
      first_error = status .. " " .. body:sub(1, 400)
    end
  end
end

function done(summary, latency, requests)
  local failed = 0
  local example = ""
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("errors")
    if example == "" then
      example = thread:get("first_error")
    end
  end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d errors=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    failed, socket))
  if example ~= "" then
    io.write("FIRST_ERROR " .. example:gsub("\n", " ") .. "\n")
  end
end
