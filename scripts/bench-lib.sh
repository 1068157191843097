# Shared pieces of the benchmark scripts (sourced, not run): a release build, a work directory,
# a store with one environment, a server certificate, nginx, and alternating timed runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS=${RUNS:-30}

cargo build --release --quiet
BIN=$PWD/target/release/mtlsctl
WORK=$(mktemp -d)
NGINX_PIDS=()
bench_cleanup() {
  for pid in "${NGINX_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  pkill -P $$ 2>/dev/null || true
  rm -rf "$WORK"
}
trap bench_cleanup EXIT
export MTLSCTL_STATE=$WORK/state.json

# A store with bench/prod, its files exported, and the issuer in the CA library.
bench_store() {
  "$BIN" -q property create bench
  "$BIN" -q env create bench/prod
  "$BIN" -q issuer export --out "$WORK/issuer.pem"
  "$BIN" -q cert export bench/prod --out "$WORK" --include-key
  "$BIN" -q ca add local "$WORK/issuer.pem"
  CLIENT_CERT=$WORK/bench_production_v1.chain.pem
  CLIENT_KEY=$WORK/bench_production_v1.key.pem
}

# A server CA and a localhost certificate from it: $WORK/server-ca.pem, server.pem, server.key.
bench_server_pki() {
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=bench-ca \
    -keyout "$WORK/server-ca.key" -out "$WORK/server-ca.pem" 2>/dev/null
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=localhost \
    -keyout "$WORK/server.key" -out "$WORK/server.csr" 2>/dev/null
  printf 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n' > "$WORK/server.ext"
  openssl x509 -req -in "$WORK/server.csr" -CA "$WORK/server-ca.pem" -CAkey "$WORK/server-ca.key" \
    -CAcreateserial -days 2 -extfile "$WORK/server.ext" -out "$WORK/server.pem" 2>/dev/null
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.05; done; echo "nothing listens on $1" >&2; return 1; }

# nginx, one worker, TLS with ssl_verify_client on against the issuer; $1 is the location body.
# Sets NGINX_PORT.
bench_nginx() {
  local nginx_bin; nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
  [ -x "$nginx_bin" ] || { echo "nginx is needed (apt-get install nginx)" >&2; exit 1; }
  NGINX_PORT=$(free_port)
  local dir=$WORK/nginx-$NGINX_PORT user=""
  mkdir -p "$dir/logs"
  [ "$(id -u)" = 0 ] && user="user root;"
  cat > "$dir/nginx.conf" <<CONF
$user
worker_processes 1;
daemon off;
error_log $dir/logs/error.log;
pid $dir/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/body; proxy_temp_path $dir/proxy; fastcgi_temp_path $dir/fcgi;
  uwsgi_temp_path $dir/uwsgi; scgi_temp_path $dir/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT ssl;
    ssl_certificate $WORK/server.pem;
    ssl_certificate_key $WORK/server.key;
    ssl_client_certificate $WORK/issuer.pem;
    ssl_verify_client on;
    location / { $1 }
  }
}
CONF
  ${PIN_SERVER:-} "$nginx_bin" -p "$dir" -c "$dir/nginx.conf" &
  NGINX_PIDS+=($!)
  wait_port "$NGINX_PORT"
}

# HAProxy, one thread, TLS with `verify required` against the issuer, answering itself with
# `http-request return`; $1 is that line's arguments. Sets HAPROXY_PORT.
bench_haproxy() {
  command -v haproxy >/dev/null || { echo "haproxy is needed (apt-get install haproxy)" >&2; exit 1; }
  HAPROXY_PORT=$(free_port)
  local dir=$WORK/haproxy-$HAPROXY_PORT
  mkdir -p "$dir"
  cat "$WORK/server.pem" "$WORK/server.key" > "$dir/server-with-key.pem"
  cat > "$dir/haproxy.cfg" <<CONF
global
  nbthread 1
  maxconn 4096
defaults
  mode http
  timeout connect 5s
  timeout client 30s
  timeout server 30s
frontend mtls
  bind 127.0.0.1:$HAPROXY_PORT ssl crt $dir/server-with-key.pem ca-file $WORK/issuer.pem verify required alpn h2,http/1.1
  http-request return $1
CONF
  ${PIN_SERVER:-} haproxy -q -f "$dir/haproxy.cfg" &
  NGINX_PIDS+=($!)
  wait_port "$HAPROXY_PORT"
}

# Milliseconds one run of a command takes.
# Exit codes are not judged here (expiry exits 1 on a warning): only the time.
time_ms() { local t0=$EPOCHREALTIME; "$@" >/dev/null 2>&1 || true; local t1=$EPOCHREALTIME; awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f\n", (b-a)*1000}'; }
median() { sort -n "$1" | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

RESULTS=()
# compare NAME TARGET_RATIO -- command A ... -- command B ...: RUNS alternating runs each.
compare() {
  local name=$1 target=$2; shift 3
  local a=() b=()
  while [ "$1" != "--" ]; do a+=("$1"); shift; done; shift
  b=("$@")
  : > "$WORK/a.ms"; : > "$WORK/b.ms"
  "${a[@]}" >/dev/null 2>&1 || true; "${b[@]}" >/dev/null 2>&1 || true   # warm up
  for _ in $(seq "$RUNS"); do
    time_ms "${a[@]}" >> "$WORK/a.ms"
    time_ms "${b[@]}" >> "$WORK/b.ms"
  done
  local ma mb ratio
  ma=$(median "$WORK/a.ms"); mb=$(median "$WORK/b.ms")
  ratio=$(awk -v a="$ma" -v b="$mb" 'BEGIN {printf "%.2f", a/b}')
  RESULTS+=("{\"case\":\"$name\",\"mtlsctl_ms\":$ma,\"other_ms\":$mb,\"ratio\":$ratio,\"target_ratio\":$target,\"runs\":$RUNS}")
  printf '| %s | %s | %s | %sx | <= %sx |\n' "$name" "$ma" "$mb" "$ratio" "$target"
}

# measure NAME TARGET_MS command...: RUNS runs, the median against an absolute target.
measure() {
  local name=$1 target=$2; shift 2
  : > "$WORK/m.ms"
  "$@" >/dev/null 2>&1 || true
  for _ in $(seq "$RUNS"); do time_ms "$@" >> "$WORK/m.ms"; done
  local m; m=$(median "$WORK/m.ms")
  RESULTS+=("{\"case\":\"$name\",\"mtlsctl_ms\":$m,\"target_ms\":$target,\"runs\":$RUNS}")
  printf '| %s | %s | - | - | < %s ms |\n' "$name" "$m" "$target"
}

write_results() {
  local file=$1
  printf '[\n  %s\n]\n' "$(IFS=$'\n'; echo "${RESULTS[*]}" | paste -sd, - | sed 's/},{/},\n  {/g')" > "$file"
  echo "results written to $file"
}
