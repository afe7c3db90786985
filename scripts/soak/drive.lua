-- wrk script for scripts/soak.sh: cycles through the generated request mix, checks every answer
-- (status, and the result against the bcmath/sodium expectation) and stops each thread after its
-- quota of answers.  wrk -s drive.lua URL -- REQUESTS_LUA QUOTA_PER_THREAD DONE_PREFIX
-- wrk itself only stops at the end of its -d duration: a thread that has its quota stops and
-- writes DONE_PREFIX<thread>; soak.sh sends wrk SIGINT once every thread has, and wrk reports.
local threads = {}
local nthreads = 0

function setup(thread)
	nthreads = nthreads + 1
	thread:set("tid", nthreads)
	table.insert(threads, thread)
end

local reqs, spec, quota, pos
answers, unexpected, wrong, big_ok, hostile_ok, no_id = 0, 0, 0, 0, 0, 0
first_bad = ""

function init(args)
	spec = dofile(args[1])
	quota = tonumber(args[2])
	done_file = args[3] .. (tid or 1)
	reqs = {}
	for i, e in ipairs(spec) do
		local sep = string.find(e[1], "?", 1, true) and "&" or "?"
		reqs[i] = wrk.format("GET", e[1] .. sep .. "id=" .. i)
	end
	-- Threads start at different places of the mix.
	pos = ((tid or 1) * 7919) % #reqs
end

function request()
	pos = pos % #reqs + 1
	return reqs[pos]
end

local function by_value(s)
	local out = {}
	for part in string.gmatch(s, "[^|]+") do
		if string.find(part, ".", 1, true) then
			part = string.gsub(string.gsub(part, "0+$", ""), "%.$", "")
		end
		if part == "-0" then part = "0" end
		table.insert(out, part)
	end
	return table.concat(out, "|")
end

local function bad(why)
	unexpected = unexpected + 1
	if #first_bad < 2000 then
		first_bad = first_bad .. why .. "\n"
	end
end

function response(status, headers, body)
	answers = answers + 1
	local id = tonumber(string.match(body, '^{"id":(%d+)'))
	local e = id and spec[id]
	if not e then
		no_id = no_id + 1
		bad("status " .. status .. " without a known id: " .. string.sub(body, 1, 200))
	elseif status ~= e[3] then
		bad(e[2] .. " " .. string.sub(e[1], 1, 120) .. ": status " .. status .. ", expected " .. e[3] .. ": " .. string.sub(body, 1, 200))
	elseif e[4] ~= nil then
		local got = string.match(body, '"result":"(.-)"}')
		if got ~= nil and e[5] then got = by_value(got) end
		if got ~= e[4] then
			wrong = wrong + 1
			bad(e[2] .. " " .. string.sub(e[1], 1, 120) .. ": got " .. tostring(got) .. ", expected " .. e[4])
		elseif e[2] == "big" then
			big_ok = big_ok + 1
		end
	elseif e[2] == "hostile" then
		hostile_ok = hostile_ok + 1
	end
	if answers == quota then
		local f = io.open(done_file, "w")
		if f then f:write(answers, "\n"); f:close() end
		wrk.thread:stop()
	end
end

function done(summary, latency, requests)
	local t = { answers = 0, unexpected = 0, wrong = 0, big_ok = 0, hostile_ok = 0, no_id = 0 }
	local bads = ""
	for _, th in ipairs(threads) do
		for k, _ in pairs(t) do
			t[k] = t[k] + (tonumber(th:get(k)) or 0)
		end
		bads = bads .. (th:get("first_bad") or "")
	end
	local e = summary.errors
	io.write(string.format("SOAK answers=%d unexpected=%d wrong=%d big_ok=%d hostile_ok=%d no_id=%d\n",
		t.answers, t.unexpected, t.wrong, t.big_ok, t.hostile_ok, t.no_id))
	io.write(string.format("SOAK socket_errors=%d timeouts=%d duration_us=%d\n",
		e.connect + e.read + e.write, e.timeout, summary.duration))
	io.write(string.format("SOAK p50_us=%d p99_us=%d max_us=%d\n",
		latency:percentile(50), latency:percentile(99), latency.max))
	if bads ~= "" then
		io.write("SOAK first unexpected answers:\n" .. bads)
	end
end
