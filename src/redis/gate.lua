--[[
The Redis gate's scripts, one section per script (a line `--! name` starts each). Every script
runs atomically in Redis, so the processes and machines sharing a store never see each other's
half-done updates. `--! common` is prepended to every other section.

Keys of one store (see redis-keys.ts), all inside one hash tag, so that a script touching several
of them works on Redis Cluster:
  slots    ZSET  slot id -> when it expires (ms). A slot is one request in flight; its holder
                 renews it while alive, so a killed process's slots expire on their own.
  state    HASH  the store's quota window as its rate-limit headers describe it:
                 quota (requests per window), left (requests left, less those started since),
                 reset (when the window refills, ms; absent: unknown), paused (no request starts
                 before this, ms) and paused_by (why: 'rate-limited' after a 429,
                 'quota-exhausted' when a fixed-concurrency answer said the window is spent),
                 streak (high grants in a row while bulk requests waited).
  members  ZSET  "ceiling|instance" -> expiry: the ceiling (`maxConcurrency`) of every process
                 using the store; the smallest one caps the requests in flight.
  waiting  ZSET  "h|instance" / "b|instance" -> expiry: processes with high or bulk requests
                 waiting, so that bulk requests everywhere give way to high ones; "o|instance":
                 a process whose one-resource operation (an order: lookup, SKUs, POST) is under
                 way, for which bulk requests leave the last few requests of the window.
  po:<PO>  STRING the purchase order's lease: its holder's token, expiring ttl ms after the last
                 renewal.
  po-since STRING when this store's first PO lease was granted since Redis last lost its data.

Time is Redis's own clock (TIME), the same for every process whatever their clocks say.
The rules are those of the in-memory gate (src/internal/gate/store-lane.ts), shared.
--]]

--! common
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

-- Drops the slots whose holder stopped renewing them; returns how many requests are in flight.
local function in_flight(slots, now)
  redis.call('ZREMRANGEBYSCORE', slots, '-inf', now)
  return redis.call('ZCARD', slots)
end

-- Marks this process as having requests of one priority waiting, for `ms` from now (0: unmarks).
local function mark_waiting(waiting, priority, instance, ms, now)
  if ms > 0 then
    redis.call('ZADD', waiting, now + ms, priority .. '|' .. instance)
  else
    redis.call('ZREM', waiting, priority .. '|' .. instance)
  end
end

-- Whether any live process has requests of `priority` ('h' or 'b') waiting.
local function someone_waiting(waiting, priority, now)
  for _, member in ipairs(redis.call('ZRANGEBYSCORE', waiting, now, '+inf')) do
    if string.sub(member, 1, 2) == priority .. '|' then return true end
  end
  return false
end

--! acquire
-- May a request start now? KEYS: slots, state, members, waiting.
-- ARGV: slot id, instance, priority ('high'|'bulk'), ceiling, concurrency ('adaptive'|'fixed'),
--       quota share (0..1), slot lease ms, how long to mark this process as having high requests
--       waiting (ms, 0: none), the same for bulk requests, the same for an operation under way.
-- Returns {0} granted; {1} the cap is full, ask again after a release; {2, wait ms, reason,
-- until ms}: paused after a 429 ('rate-limited') or the window is spent ('quota-exhausted'), ask
-- again then; {3} a high request waits somewhere, this bulk one gives way (ask again soon); {3,
-- wait ms} an operation under way elsewhere keeps the last of the window: ask again then.
local slots, state, members, waiting = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local slot_id, instance, priority = ARGV[1], ARGV[2], ARGV[3]
local ceiling, adaptive, share = tonumber(ARGV[4]), ARGV[5] == 'adaptive', tonumber(ARGV[6])
local lease_ms = tonumber(ARGV[7])
local now = now_ms()

-- This process's ceiling counts while it uses the store; the smallest live one is the cap.
redis.call('ZREMRANGEBYSCORE', members, '-inf', now)
redis.call('ZADD', members, now + lease_ms, ceiling .. '|' .. instance)
for _, member in ipairs(redis.call('ZRANGE', members, 0, -1)) do
  local other = tonumber(string.match(member, '^(%d+)|'))
  if other and other < ceiling then ceiling = other end
end
redis.call('ZREMRANGEBYSCORE', waiting, '-inf', now)
mark_waiting(waiting, 'h', instance, tonumber(ARGV[8]), now)
mark_waiting(waiting, 'b', instance, tonumber(ARGV[9]), now)
mark_waiting(waiting, 'o', instance, tonumber(ARGV[10]), now)

local count = in_flight(slots, now)
local fields = redis.call('HMGET', state, 'quota', 'left', 'reset', 'paused', 'streak')
local quota, left, reset = tonumber(fields[1]), tonumber(fields[2]), tonumber(fields[3])
local paused, streak = tonumber(fields[4]), tonumber(fields[5]) or 0

if paused and now < paused then
  return {2, paused - now, redis.call('HGET', state, 'paused_by') or 'rate-limited', paused}
end
if quota and reset and now >= reset then
  -- The window refilled. Requests still in flight may be counted in the new one.
  left = quota - count
  reset = nil
  redis.call('HSET', state, 'left', left)
  redis.call('HDEL', state, 'reset')
end

-- Until the store's headers have said what its quota is, at most 4 in flight (adaptive).
local window = adaptive and quota ~= nil
local cap = ceiling
if adaptive and not window then cap = math.min(4, ceiling) end
if count >= cap then return {1} end
if window then
  local reserved = math.ceil(quota * (1 - share))
  if left - reserved <= 0 then
    -- Spent, and no answer has said when the window refills: one request at a time asks.
    if not reset then
      if count > 0 then return {1} end
    else
      return {2, reset - now, 'quota-exhausted', reset}
    end
  end
end

-- High before bulk, everywhere: one bulk request after every four high ones while both wait.
-- And while an operation's high requests come one after the other, bulk requests leave it the
-- last few of the window (up to 3, a quarter of the quota at most): between two of its requests
-- none waits, and the operation must not be left to wait for the next window.
if priority == 'bulk' then
  if streak < 4 and someone_waiting(waiting, 'h', now) then return {3} end
  if window and someone_waiting(waiting, 'o', now) then
    local kept = math.min(3, math.floor(quota / 4))
    if left - math.ceil(quota * (1 - share)) - kept <= 0 then
      -- Ask again when the window refills or the operation's mark lapses, whichever comes first.
      local lapse = now
      local marks = redis.call('ZRANGEBYSCORE', waiting, now, '+inf', 'WITHSCORES')
      for index = 1, #marks, 2 do
        if string.sub(marks[index], 1, 2) == 'o|' then lapse = math.max(lapse, tonumber(marks[index + 1])) end
      end
      local wait = lapse - now
      if reset then wait = math.min(wait, reset - now) end
      return {3, math.max(wait, 1)}
    end
  end
  streak = 0
elseif someone_waiting(waiting, 'b', now) then
  streak = streak + 1
end

redis.call('ZADD', slots, now + lease_ms, slot_id)
if quota then
  left = left - 1
  redis.call('HSET', state, 'left', left, 'streak', streak)
else
  redis.call('HSET', state, 'streak', streak)
end
return {0}

--! report
-- A response's rate-limit headers arrived. KEYS: slots, state.
-- ARGV: slot id, concurrency, requests left, quota ('' when not sent), reset ms, window ms ('' when
-- not sent).
-- Returns {0}; or {1, wait ms} when a fixed-concurrency answer said the window is spent and the
-- store is now paused until it refills (a longer pause in force wins: then {0}).
local slots, state = KEYS[1], KEYS[2]
local slot_id, adaptive = ARGV[1], ARGV[2] == 'adaptive'
local requests_left, reported_quota = tonumber(ARGV[3]), tonumber(ARGV[4])
local reset_ms, window_ms = tonumber(ARGV[5]), tonumber(ARGV[6])
local now = now_ms()

if not adaptive then
  -- Fixed concurrency: nothing more starts once an answer says the window is spent.
  if requests_left == 0 then
    local paused = tonumber(redis.call('HGET', state, 'paused'))
    if paused and paused >= now + reset_ms then return {0} end
    redis.call('HSET', state, 'paused', now + reset_ms, 'paused_by', 'quota-exhausted')
    return {1, reset_ms}
  end
  return {0}
end

-- The other requests in flight may not have been counted yet when this answer was written.
local count = in_flight(slots, now)
local others = count
if redis.call('ZSCORE', slots, slot_id) then others = count - 1 end
local fresh_left, fresh_reset = requests_left - others, now + reset_ms

local fields = redis.call('HMGET', state, 'quota', 'left', 'reset')
local quota, left, reset = tonumber(fields[1]), tonumber(fields[2]), tonumber(fields[3])
quota = reported_quota or math.max(requests_left, quota or 0)
-- Answers from the window already tracked (they refill within half a window of it) may arrive in
-- any order across processes: one written before answers already counted would raise `left`
-- again. Within a window, the lower count wins; a later window replaces it.
if left and reset and now < reset and window_ms and fresh_reset <= reset + window_ms / 2 then
  left = math.min(left, fresh_left)
else
  left, reset = fresh_left, fresh_reset
end
redis.call('HSET', state, 'quota', quota, 'left', left, 'reset', reset)
return {0}

--! release
-- A request is over. KEYS: slots. ARGV: slot id.
redis.call('ZREM', KEYS[1], ARGV[1])
return {0}

--! pause
-- A 429 came back: nothing starts for wait ms (a longer pause in force wins). KEYS: state.
-- ARGV: wait ms. Returns {1, until ms} when this pause is the one in force now, else {0, until ms}.
local state, wait_ms = KEYS[1], tonumber(ARGV[1])
local now = now_ms()
local until_ms = now + wait_ms
local fields = redis.call('HMGET', state, 'paused', 'quota', 'reset')
local paused, quota, reset = tonumber(fields[1]), tonumber(fields[2]), tonumber(fields[3])
if paused and until_ms <= paused then return {0, paused} end
redis.call('HSET', state, 'paused', until_ms, 'paused_by', 'rate-limited')
-- Whatever the headers said, nothing is left until the pause ends, when the window refills.
if quota then
  if not reset or until_ms < reset then reset = until_ms end
  redis.call('HSET', state, 'left', 0, 'reset', reset)
end
return {1, until_ms}

--! renew
-- The holder is alive. KEYS: slots, members, waiting.
-- ARGV: instance, slot lease ms, high mark ms (0: none), bulk mark ms (0: none), operation mark
--       ms (0: none), number of ceilings n, n ceilings, then the slot ids held.
-- Slots are added back if missing: after Redis lost its data, the requests in flight count again.
local slots, members, waiting = KEYS[1], KEYS[2], KEYS[3]
local instance, lease_ms = ARGV[1], tonumber(ARGV[2])
local now = now_ms()
local ceilings = tonumber(ARGV[6])
for index = 7, 6 + ceilings do
  redis.call('ZADD', members, now + lease_ms, ARGV[index] .. '|' .. instance)
end
for index = 7 + ceilings, #ARGV do
  redis.call('ZADD', slots, now + lease_ms, ARGV[index])
end
mark_waiting(waiting, 'h', instance, tonumber(ARGV[3]), now)
mark_waiting(waiting, 'b', instance, tonumber(ARGV[4]), now)
mark_waiting(waiting, 'o', instance, tonumber(ARGV[5]), now)
return {0}

--! lease_acquire
-- Takes a PO's lease if no one holds it. KEYS: po, po-since. ARGV: token, ttl ms.
-- Returns {0} taken; {1, ms} held by another for up to that long; {2, ms} Redis started less
-- than a lease's lifetime ago and may have lost leases held before: wait that long.
--
-- Why the wait after a restart: a holder whose order POST was in flight when Redis lost its
-- lease cannot be stopped, and the store may commit that order up to a lease's lifetime later.
-- Until then, a new holder's lookup could miss it and create a second order. `po-since` tells
-- a Redis that kept its data (no wait) from one that lost it (or never had any).
local po, since = KEYS[1], KEYS[2]
local token, ttl = ARGV[1], tonumber(ARGV[2])
local held = redis.call('PTTL', po)
if held ~= -2 then return {1, math.max(held, 1)} end
if redis.call('EXISTS', since) == 0 then
  local ok, info = pcall(redis.call, 'INFO', 'server')
  local uptime_s = ok and tonumber(string.match(info, 'uptime_in_seconds:(%d+)')) or nil
  -- Whole seconds, rounded down: never shorter than the real uptime's wait.
  if uptime_s and uptime_s * 1000 < ttl then return {2, ttl - uptime_s * 1000} end
  redis.call('SET', since, now_ms())
end
redis.call('SET', po, token, 'PX', ttl)
return {0}

--! lease_renew
-- Confirms and renews a PO's lease. KEYS: po. ARGV: token, ttl ms.
-- Returns {1} still this holder's (now expiring ttl ms from now), {0} lost.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
  return {1}
end
return {0}

--! lease_release
-- Gives a PO's lease back, if it is still this holder's. KEYS: po. ARGV: token.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return {1}
end
return {0}
