-- wrk script: POST /api/v1/opinions as staff with a bearer token, every body different (run id,
-- thread, serial number), each with a constituent phone so that the intake queues its SMS as well
-- as the inbox notice to the township admins.
--   wrk -t2 -c64 -d30s -s bench/intake.lua http://127.0.0.1:PORT -- TOKEN RUNID [PHONE_PREFIX]
local threads = {}

function setup(thread)
	thread:set("tid", #threads + 1)
	table.insert(threads, thread)
end

function init(args)
	token = args[1]
	run = args[2] or "r"
	prefix = args[3] or "138"
	counter = 0
	wrk.method = "POST"
	wrk.headers["Content-Type"] = "application/json"
	wrk.headers["Authorization"] = "Bearer " .. token
end

local places = { "村口", "小学门前", "集市", "卫生院旁", "河堤", "老街" }
local things = { "路灯不亮", "排水沟堵塞", "道路坑洼", "垃圾无人清运", "公交站牌缺失", "噪音扰民" }

function request()
	counter = counter + 1
	local n = tid * 10000000 + counter
	local body = string.format(
		'{"source":"RECEPTION","content":"%s%s，请尽快处理（基准 %s-%d-%d）","constituent":{"name":"测试","phone":"%s%08d","anonymous":false}}',
		places[counter % #places + 1], things[math.floor(counter / #places) % #things + 1], run, tid, counter, prefix,
		n % 100000000)
	return wrk.format(nil, "/api/v1/opinions", nil, body)
end

function done(summary, latency, requests)
	io.write(string.format(
		"BENCH requests=%d duration_us=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f status_errors=%d connect_errors=%d read_errors=%d timeouts=%d\n",
		summary.requests, summary.duration, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
		latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status, summary.errors.connect,
		summary.errors.read, summary.errors.timeout))
end
