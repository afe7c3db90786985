#!/usr/bin/env bash
# Issue 13, finding 4: a request that ends in a fatal error in the middle of tokencalc_mint() or
# tokencalc_sum() (E_USER_ERROR or max_execution_time inside the generator they read) must leave a
# persistent worker's memory where it was. Runs PHP's built-in server (one process that serves every
# request, as an FPM worker does) on 127.0.0.1 with tokencalc loaded, sends a bounded number of such
# requests per case, and asserts that the server's RSS grows by less than a small bound between the
# end of a warm-up and the last request. Ends with "N passed, N failed".
#   scripts/leak-fatal.sh [path/to/tokencalc.so]   (default: $BUILD_DIR/obj/modules/tokencalc.so, built if missing)
#   LEAK_REQUESTS   requests per case after the warm-up (default 20)
#   LEAK_WARMUP     warm-up requests per case (default 4)
#   LEAK_BOUND_KB   largest RSS growth allowed per case (default 4096)
#   LEAK_PORT       the port (default: a free one from 20000 up)
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD_DIR=${BUILD_DIR:-/tmp/tokencalc-build}
so=${1:-$BUILD_DIR/obj/modules/tokencalc.so}
requests=${LEAK_REQUESTS:-20}
warmup=${LEAK_WARMUP:-4}
bound_kb=${LEAK_BOUND_KB:-4096}

if [ ! -f "$so" ] && [ $# -eq 0 ]; then
	BUILD_DIR=$BUILD_DIR "$tc_root/scripts/build.sh" >/dev/null || die "the build failed"
fi
[ -f "$so" ] || die "no module at $so"
command -v php >/dev/null || die "php not found"

work=$(mktemp -d)
server_pid=
cleanup() {
	[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT

# The requests. Each case reads a generator of big values and dies in it; the shutdown function
# says how far it got, so that a request that did not reach the mint or the sum is not counted.
cat >"$work/router.php" <<'PHP'
<?php
$case = $_GET['case'] ?? 'ok';
$users = 0;
register_shutdown_function(function () use (&$users, $case) {
    echo "\nshutdown: $case after $users values\n";
});
/** 2,000 users whose totals have 4,000 digits: the mint holds them all when the error comes. */
function big_users(int &$users, bool $timeout): Generator {
    $big = str_repeat('7', 4000);
    for ($i = 0; $i < 2000; $i++) {
        $users++;
        yield "user$i" => $big . $i;
    }
    if ($timeout) {
        for (;;) { $users += 0; }   // max_execution_time runs out here, inside the generator
    }
    trigger_error('the source went away', E_USER_ERROR);
}
/** Values of 1,000,000 digits (tokencalc.max_digits raised): the sum's accumulator is one of them when the error comes. */
function big_values(int &$users): Generator {
    $big = str_repeat('3', 1000000);
    for ($i = 0; $i < 5; $i++) {
        $users++;
        yield $big;
    }
    trigger_error('the source went away', E_USER_ERROR);
}
switch ($case) {
    case 'mint-error':
        tokencalc_mint('1000', big_users($users, false));
        break;
    case 'mint-timeout':
        set_time_limit(1);
        tokencalc_mint('1000', big_users($users, true), TOKENCALC_MINT_EXACT);
        break;
    case 'sum-error':
        ini_set('tokencalc.max_digits', '1000000');
        echo strlen(tokencalc_sum(big_values($users)));
        break;
    default:
        echo tokencalc_add('1', '2');
}
echo "\nnot reached: $case\n";
PHP

port=${LEAK_PORT:-}
if [ -z "$port" ]; then
	for p in $(seq 20000 20100); do
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			port=$p
			break
		fi
	done
fi
[ -n "$port" ] || die "no free port"

# display_errors to the response: the body shows the fatal error that ended each request.
php -n -d extension="$so" -d memory_limit=512M -d display_errors=1 -d html_errors=0 -d log_errors=0 \
	-S "127.0.0.1:$port" -t "$work" "$work/router.php" >"$work/server.log" 2>&1 &
server_pid=$!

# One GET, the body on stdout (PHP as the client: no curl needed).
get() {
	php -n -r '$c = stream_context_create(["http" => ["timeout" => 60, "ignore_errors" => true]]);
		$b = @file_get_contents($argv[1], false, $c); if ($b === false) exit(1); echo $b;' "http://127.0.0.1:$port/?case=$1"
}
for _ in $(seq 50); do
	get ok >/dev/null 2>&1 && break
	sleep 0.2
done
get ok >/dev/null 2>&1 || die "the server did not start: $(head -c 400 "$work/server.log")"

rss_kb() { sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$server_pid/status"; }

# The fatal error each case must end in, as the body shows it.
declare -A want=([mint-error]="Fatal error: the source went away" [sum-error]="Fatal error: the source went away"
	[mint-timeout]="Fatal error: Maximum execution time of 1 second exceeded")
for c in mint-error mint-timeout sum-error; do
	bad=0
	for i in $(seq $((warmup + requests))); do
		body=$(get "$c") || { bad=$((bad + 1)); continue; }
		# the request died in the generator, with the mint or the sum holding what it had read
		if [[ $body != *"${want[$c]}"* ]] || [[ $body == *"not reached"* ]] || [[ $body != *"shutdown: $c after "[1-9]* ]]; then
			bad=$((bad + 1))
			[ $bad -eq 1 ] && say "$c: unexpected response: $(echo "$body" | tr '\n' ' ' | head -c 300)"
		fi
		[ "$i" -eq "$warmup" ] && before=$(rss_kb)
	done
	after=$(rss_kb)
	growth=$((after - before))
	if [ $bad -eq 0 ] && [ $growth -lt "$bound_kb" ]; then
		passed=$((passed + 1))
		printf 'ok      %-13s RSS %6d kB -> %6d kB (+%d kB over %d requests, bound %d kB)\n' "$c" "$before" "$after" "$growth" "$requests" "$bound_kb"
	else
		failed=$((failed + 1))
		printf 'FAILED  %-13s RSS %6d kB -> %6d kB (+%d kB over %d requests, bound %d kB), %d unexpected responses\n' \
			"$c" "$before" "$after" "$growth" "$requests" "$bound_kb" "$bad"
	fi
done
kill -0 "$server_pid" 2>/dev/null || { say "the server died: $(tail -c 400 "$work/server.log")"; failed=$((failed + 1)); }
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
