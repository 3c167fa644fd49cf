-- bench/load.lua - one kind of request for bench/load, chosen by the
-- environment (CZ_LOAD_KIND: pages, plan_pages, api_plans, video_polls).
-- Every thread counts answers by class; done() prints one line:
--   kind rps p50_ms p99_ms p999_ms requests 2xx 429 503 other_status socket_errors
-- so that bench/load can check "nothing but 2xx and 429" per kind, and
-- bench/faults can tell a clean 503 (database away) from a failure.

local kind = os.getenv("CZ_LOAD_KIND")
local cookie = os.getenv("CZ_BENCH_COOKIE")
local key = os.getenv("CZ_BENCH_KEY")
local plans = {}
for id in string.gmatch(os.getenv("CZ_LOAD_PLANS") or "", "%d+") do
	plans[#plans + 1] = id
end
local video = os.getenv("CZ_LOAD_VIDEO")
-- CZ_LOAD_CLOSE=1: "Connection: close" on every request, a connection
-- each (bench/faults: nginx reloads, without the keep-alive race).
local close = os.getenv("CZ_LOAD_CLOSE") == "1"

-- The public pages a visitor reads, and the signed-in ones.
local pages = { "/", "/about", "/plans/new", "/terms", "/privacy", "/account", "/plans", "/videos" }

-- Twelve plan requests in turn, as bench/plans sends.
local bodies = {
	'{"calories":2000,"diet_type":"standard"}',
	'{"calories":1800,"diet_type":"vegetarian","restrictions":["nut_free"]}',
	'{"calories":2200,"diet_type":"vegan","meal_pattern":"3_meals_2_snacks"}',
	'{"calories":1600,"diet_type":"keto","restrictions":["dairy_free"]}',
	'{"calories":2500,"diet_type":"paleo","profile":"athlete"}',
	'{"calories":2100,"diet_type":"mediterranean","meal_pattern":"5_small_meals"}',
	'{"calories":1500,"diet_type":"standard","meal_pattern":"2_meals","profile":"older_adult"}',
	'{"calories":2400,"diet_type":"vegetarian","profile":"pregnancy"}',
	'{"calories":3000,"diet_type":"standard","profile":"athlete","restrictions":["gluten_free"]}',
	'{"calories":1900,"diet_type":"keto","meal_pattern":"omad"}',
	'{"calories":2000,"diet_type":"vegan","restrictions":["soy_free","gluten_free"]}',
	'{"calories":1700,"diet_type":"mediterranean","restrictions":["fish_free","shellfish_free"]}',
}

local threads = {}
function setup(thread)
	thread:set("id", #threads)
	threads[#threads + 1] = thread
end

ok, limited, unavailable, other = 0, 0, 0, 0
local i = 0

function init()
	i = id * 7
end

function request()
	i = i + 1
	if kind == "pages" then
		return wrk.format("GET", pages[(i % #pages) + 1],
			{ Cookie = cookie, Connection = close and "close" or nil })
	elseif kind == "plan_pages" then
		return wrk.format("GET", "/plans/" .. plans[(i % #plans) + 1], { Cookie = cookie })
	elseif kind == "api_plans" then
		return wrk.format("POST", "/api/plans", {
			["Content-Type"] = "application/json",
			["Authorization"] = "Bearer " .. key }, bodies[(i % #bodies) + 1])
	else
		return wrk.format("GET", "/api/videos/" .. video, { Cookie = cookie })
	end
end

function response(status)
	if status >= 200 and status < 300 then
		ok = ok + 1
	elseif status == 429 then
		limited = limited + 1
	elseif status == 503 then
		unavailable = unavailable + 1
	else
		other = other + 1
	end
end

function done(summary, latency)
	local s2, s429, s503, so = 0, 0, 0, 0
	for _, t in ipairs(threads) do
		s2 = s2 + t:get("ok")
		s429 = s429 + t:get("limited")
		s503 = s503 + t:get("unavailable")
		so = so + t:get("other")
	end
	local e = summary.errors
	local secs = summary.duration / 1e6
	io.write(string.format("%s %.1f %.2f %.2f %.2f %d %d %d %d %d %d\n", kind,
		summary.requests / secs,
		latency:percentile(50) / 1000, latency:percentile(99) / 1000,
		latency:percentile(99.9) / 1000,
		summary.requests, s2, s429, s503, so,
		e.connect + e.read + e.write + e.timeout))
end
