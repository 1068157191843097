#!/usr/bin/env bash
# One whole `mtlsctl request --env …` process against one `curl --cert --key` process, on the
# same loopback nginx (ssl_verify_client on), alternating, N runs each (default 30).
# Prints the medians and the ratio; the target is mtlsctl <= 0.5x curl.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-30}
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx is needed (apt-get install nginx)"; exit 1; }
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
cargo build --release --quiet
bin=$PWD/target/release/mtlsctl

work=$(mktemp -d)
cleanup() { [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export MTLSCTL_STATE=$work/state.json
"$bin" -q property create bench
"$bin" -q env create bench/prod
"$bin" -q issuer export --out "$work/issuer.pem"
"$bin" -q cert export bench/prod --out "$work" --include-key

# The server's own certificate, from a separate CA.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=bench-ca \
  -keyout "$work/server-ca.key" -out "$work/server-ca.pem" 2>/dev/null
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=localhost \
  -keyout "$work/server.key" -out "$work/server.csr" 2>/dev/null
printf 'subjectAltName=DNS:localhost\n' > "$work/ext"
openssl x509 -req -in "$work/server.csr" -CA "$work/server-ca.pem" -CAkey "$work/server-ca.key" \
  -CAcreateserial -days 2 -extfile "$work/ext" -out "$work/server.pem" 2>/dev/null

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
user=""; [ "$(id -u)" = 0 ] && user="user root;"
mkdir -p "$work/logs"
cat > "$work/nginx.conf" <<CONF
$user
worker_processes 1;
error_log $work/logs/error.log;
pid $work/nginx.pid;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path $work/body; proxy_temp_path $work/proxy; fastcgi_temp_path $work/fcgi;
  uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
  server {
    listen 127.0.0.1:$port ssl;
    ssl_certificate $work/server.pem;
    ssl_certificate_key $work/server.key;
    ssl_client_certificate $work/issuer.pem;
    ssl_verify_client on;
    location / { return 200 "dn=\$ssl_client_s_dn\n"; }
  }
}
CONF
"$nginx_bin" -p "$work" -c "$work/nginx.conf"
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
url=https://localhost:$port/

mtls() { "$bin" request "$url" --env bench/prod --cacert "$work/server-ca.pem" >/dev/null; }
curl_() { curl -sS --fail --cert "$work/bench_production_v1.chain.pem" --key "$work/bench_production_v1.key.pem" \
  --cacert "$work/server-ca.pem" "$url" -o /dev/null; }
mtls; curl_   # warm up, and fail early if either cannot connect

time_one() { local t0=$EPOCHREALTIME; "$@"; local t1=$EPOCHREALTIME; echo "$t0 $t1" | awk '{printf "%.3f\n", ($2-$1)*1000}'; }
: > "$work/mtls.ms"; : > "$work/curl.ms"
for _ in $(seq "$runs"); do
  time_one mtls >> "$work/mtls.ms"
  time_one curl_ >> "$work/curl.ms"
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }
m=$(median "$work/mtls.ms"); c=$(median "$work/curl.ms")
ratio=$(awk -v m="$m" -v c="$c" 'BEGIN {printf "%.2f", m/c}')
printf '| case | mtlsctl median (ms) | curl median (ms) | ratio | runs |\n|---|---|---|---|---|\n'
printf '| one mTLS request to loopback nginx | %s | %s | %sx | %s |\n' "$m" "$c" "$ratio" "$runs"
