#!/usr/bin/env bash
# Soak test: nginx + Debian's PHP-FPM with the extension loaded, driven by wrk over the endpoints
# of examples/http/ (arithmetic on user input, fees, a 10,000-user mint, receipts, hostile input).
#   scripts/soak.sh [--quick] [--requests N]
#     default 100,000 requests after a 3,000-request warm-up; --quick: 5,000 after 1,000
#   SOAK_PORT (18080)  SOAK_WORKERS (2)  SOAK_THREADS (2)  SOAK_CONNECTIONS (8)
#   SOAK_MAX_SECONDS   time bound of the measured run (default 1200; --quick 300)
#   SOAK_KEEP=1        keep the temporary directory (configs, logs) also when all is well
# Everything runs on 127.0.0.1 from a temporary directory, and is stopped on exit, also on failure.
# Checks: no unexpected answer (non-2xx on valid input, not the expected 4xx on hostile input,
# a result that differs from bcmath/sodium), no socket error, same workers at the end, none died,
# no worker's resident memory grew by more than 1 MB. Ends with "N passed, N failed".
set -uo pipefail
. "$(dirname "$0")/lib.sh"
requests=100000 warm=3000 maxsec=${SOAK_MAX_SECONDS:-1200}
while [ $# -gt 0 ]; do
	case $1 in
		--quick) requests=5000 warm=1000 maxsec=${SOAK_MAX_SECONDS:-300};;
		--requests) requests=${2:?}; shift;;
		*) echo "usage: $0 [--quick] [--requests N]" >&2; exit 2;;
	esac
	shift
done
port=${SOAK_PORT:-18080} workers=${SOAK_WORKERS:-2} threads=${SOAK_THREADS:-2} conns=${SOAK_CONNECTIONS:-8}
rss_limit_kb=1024
check() {   # check OK|FAIL message
	if [ "$1" = OK ]; then passed=$((passed + 1)); echo "ok    $2"; else failed=$((failed + 1)); echo "FAIL  $2"; fi
}
# --- dependencies: PHP-FPM of the PHP on PATH, nginx, wrk (all from Debian) ---
v=$(tc_php_version)
v=${v:-8.2}
apt_ensure_php "$v" "php$v-fpm" nginx wrk || die "installing the dependencies failed"
fpm=$(command -v "php-fpm$v" || echo "/usr/sbin/php-fpm$v")
[ -x "$fpm" ] || die "php-fpm$v not found"
nginx=$(command -v nginx || echo /usr/sbin/nginx)
command -v wrk >/dev/null || die "wrk not found"

# --- build, request mix ---
export BUILD_DIR=${SOAK_BUILD_DIR:-/tmp/tc-soak-build}
"$tc_root/scripts/build.sh" >/dev/null || die "the build failed"
so="$BUILD_DIR/obj/modules/tokencalc.so"

dir=$(mktemp -d /tmp/tc-soak.XXXXXX)
fpm_pid= nginx_pid=
cleanup() {
	local p
	for p in $nginx_pid $fpm_pid; do
		kill -TERM "$p" 2>/dev/null
	done
	for p in $nginx_pid $fpm_pid; do
		for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$p" 2>/dev/null
	done
	if [ "$failed" -eq 0 ] && [ "${SOAK_KEEP:-0}" != 1 ]; then
		rm -rf "$dir"
	else
		echo "soak.sh: configs and logs kept in $dir"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

oracle=(php -n -d extension=bcmath)
php -n -r 'exit(extension_loaded("sodium") ? 0 : 1);' || oracle+=(-d extension=sodium)
"${oracle[@]}" "$tc_root/scripts/soak/gen-requests.php" "$dir/requests.lua" 2>"$dir/gen.log" ||
	die "generating the request mix failed: $(cat "$dir/gen.log")"
mix=$(grep -c '^{' "$dir/requests.lua")

# --- configs: the pool runs as nobody when we are root, else as ourselves ---
mkdir -p "$dir/www" "$dir/nginx-tmp"
cp "$tc_root/examples/http/"*.php "$dir/www/"
user_lines= user_line=
if [ "$(id -u)" -eq 0 ]; then
	group=$(id -gn nobody 2>/dev/null || echo nogroup)
	user_lines="user = nobody
group = $group
listen.owner = nobody
listen.group = $group"
	user_line="user nobody $group;"
	chmod 755 "$dir"
	chmod -R a+rX "$dir/www"
fi
fill() {
	local in=$1 out=$2
	awk -v dir="$dir" -v docroot="$dir/www" -v port="$port" -v workers="$workers" \
		-v user_lines="$user_lines" -v user_line="$user_line" '{
		gsub("@DIR@", dir); gsub("@DOCROOT@", docroot); gsub("@PORT@", port); gsub("@WORKERS@", workers);
		gsub("@USER_LINES@", user_lines); gsub("@USER_LINE@", user_line); print }' "$in" >"$out"
}
fill "$tc_root/scripts/soak/php-fpm.conf.in" "$dir/php-fpm.conf"
fill "$tc_root/scripts/soak/nginx.conf.in" "$dir/nginx.conf"

# --- start ---
t_start=$SECONDS
"$fpm" -n -y "$dir/php-fpm.conf" -d extension="$so" -d zend_extension=opcache -d opcache.enable=1 \
	>"$dir/php-fpm.out" 2>&1 &
fpm_pid=$!
"$nginx" -p "$dir" -c "$dir/nginx.conf" -e "$dir/nginx-error.log" >"$dir/nginx.out" 2>&1 &
nginx_pid=$!

url="http://127.0.0.1:$port"
probe() {
	php -n -r '$r = @file_get_contents($argv[1], false, stream_context_create(["http" => ["timeout" => 5]]));
		exit($r === "{\"result\":\"79228162514264337593543950336\"}\n" ? 0 : 1);' \
		"$url/add?a=79228162514264337593543950335&b=1"
}
up=FAIL
for _ in $(seq 100); do
	if probe; then up=OK; break; fi
	kill -0 "$fpm_pid" 2>/dev/null && kill -0 "$nginx_pid" 2>/dev/null || break
	sleep 0.1
done
check $up "nginx on 127.0.0.1:$port and $workers FPM workers answer (tokencalc $(php -n -d extension="$so" -r 'echo TOKENCALC_VERSION;'))"
if [ $up != OK ]; then
	tail -5 "$dir/php-fpm.log" "$dir/php-fpm.out" "$dir/nginx-error.log" "$dir/nginx.out" 2>/dev/null
	echo "$passed passed, $failed failed"
	exit 1
fi

worker_pids() { ps --ppid "$fpm_pid" -o pid= | tr -d ' ' | sort -n; }
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
field() { sed -n "s/.*[ ]$1=\([0-9]*\).*/\1/p" "$2" | head -n 1; }

# drive LABEL TOTAL SECONDS: one wrk run of TOTAL answers (split over the threads), bounded in time.
# wrk runs for its whole -d duration, so it is interrupted (SIGINT: it then reports) once every
# thread has written its done file.
drive() {
	local log="$dir/wrk-$1.log" done="$dir/done-$1-"
	local per=$(( ($2 + threads - 1) / threads ))
	timeout --kill-after=10 $(($3 + 30)) wrk -t"$threads" -c"$conns" -d"${3}s" --timeout 10s \
		-s "$tc_root/scripts/soak/drive.lua" "$url/" -- "$dir/requests.lua" "$per" "$done" >"$log" 2>&1 &
	local wrk_pid=$! i
	for ((i = 0; i < $3 * 10; i++)); do
		[ "$(ls "$done"* 2>/dev/null | wc -l)" -ge "$threads" ] && break
		kill -0 "$wrk_pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -INT "$wrk_pid" 2>/dev/null
	wait "$wrk_pid" 2>/dev/null
	echo "$log"
}

# --- warm-up (every request of the mix is seen, so each worker reaches its working size) ---
log=$(drive warmup "$warm" 300)
wu=$(field unexpected "$log")
check "$([ "${wu:-1}" -eq 0 ] && echo OK || echo FAIL)" "warm-up: $(field answers "$log") answers, ${wu:-?} unexpected"
[ "${wu:-1}" -eq 0 ] || grep -A20 'first unexpected' "$log" | head -20

pids_start=$(worker_pids)
declare -A rss0
for p in $pids_start; do rss0[$p]=$(rss_kb "$p"); done

# --- the measured run ---
t0=$SECONDS
log=$(drive main "$requests" "$maxsec")
elapsed=$((SECONDS - t0))
answers=$(field answers "$log"); unexpected=$(field unexpected "$log"); wrong=$(field wrong "$log")
sockerr=$(field socket_errors "$log"); timeouts=$(field timeouts "$log")
big=$(field big_ok "$log"); hostile=$(field hostile_ok "$log")
p50=$(field p50_us "$log"); p99=$(field p99_us "$log"); pmax=$(field max_us "$log")
dur=$(field duration_us "$log")
rps=$(awk -v n="${answers:-0}" -v t="${dur:-0}" 'BEGIN { printf "%.0f", (t > 0) ? n * 1e6 / t : 0 }')
echo "run:  ${answers:-?} answers in ${elapsed} s (~$rps/s; mix of $mix requests, $threads threads, $conns connections)"
echo "      latency p50 $(awk -v u="${p50:-0}" 'BEGIN{printf "%.2f", u/1000}') ms, p99 $(awk -v u="${p99:-0}" 'BEGIN{printf "%.2f", u/1000}') ms, max $(awk -v u="${pmax:-0}" 'BEGIN{printf "%.2f", u/1000}') ms"
check "$([ "${answers:-0}" -ge "$requests" ] && echo OK || echo FAIL)" "answers: ${answers:-0} of $requests within ${maxsec}s"
check "$([ "${unexpected:-1}" -eq 0 ] && echo OK || echo FAIL)" "unexpected answers: ${unexpected:-?} (of which wrong results: ${wrong:-?})"
[ "${unexpected:-1}" -eq 0 ] || grep -A20 'first unexpected' "$log" | head -20
check "$([ "${sockerr:-1}" -eq 0 ] && [ "${timeouts:-1}" -eq 0 ] && echo OK || echo FAIL)" "socket errors: ${sockerr:-?}, timeouts: ${timeouts:-?}"
check "$([ "${big:-0}" -gt 0 ] && echo OK || echo FAIL)" "values past 7.9e28 equal to bcmath: ${big:-0} answers"
check "$([ "${hostile:-0}" -gt 0 ] && echo OK || echo FAIL)" "hostile input answered with its 4xx: ${hostile:-0} answers"

# --- the workers: the same ones, alive, and not grown ---
pids_end=$(worker_pids)
died=$(grep -cE 'exited on signal|exited with code|SIGSEGV|core dumped' "$dir/php-fpm.log" 2>/dev/null || true)
check "$([ "$pids_start" = "$pids_end" ] && [ "${died:-0}" -eq 0 ] && echo OK || echo FAIL)" \
	"FPM workers unchanged ($(echo $pids_end | wc -w) of $workers), none died (log: ${died:-0} deaths)"
grow_ok=OK
for p in $pids_start; do
	r1=$(rss_kb "$p")
	d=$((r1 - ${rss0[$p]}))
	echo "      worker $p: VmRSS ${rss0[$p]} kB after warm-up, $r1 kB at the end ($( [ $d -ge 0 ] && echo +)$d kB)"
	[ "$d" -le "$rss_limit_kb" ] || grow_ok=FAIL
done
check $grow_ok "no worker grew by more than $rss_limit_kb kB over ${answers:-0} requests"
up=FAIL; probe && up=OK
check $up "still answering after the run"
echo "soak.sh took $((SECONDS - t_start)) s after the build"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
