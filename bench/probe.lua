-- wrk script: blackbox_exporter probes of the same nginx URLs Tend checks, as an independent
-- (non-Java) load generator. Env: WRK_N (targets), WRK_PREFIX (URL-encoded target prefix).
-- Counts answers without "probe_success 1" and prints one "WRK ..." line.
local n = tonumber(os.getenv("WRK_N") or "1000")
local prefix = os.getenv("WRK_PREFIX")
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

i = 0
bad = 0
responses = 0

function init(args)
  i = id * 7919 % n
end

function request()
  i = i % n + 1
  return wrk.format("GET", "/probe?module=http_2xx&target=" .. prefix .. i)
end

function response(status, headers, body)
  responses = responses + 1
  if status ~= 200 or not string.find(body, "\nprobe_success 1\n", 1, true) then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + thread:get("bad") end
  io.write(string.format("WRK requests=%d duration_s=%.3f rate=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d failures=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status,
    failed))
end
