#!/usr/bin/env bash
# Requests per second and p99 latency of `mtlsctl serve` against nginx (one worker) and HAProxy
# (one thread) with the same server certificate, client certificate and CA, with keep-alive and
# with a new TLS connection per request. Every server is pinned to one core (SERVER_CPU, default
# 0) and the load generator to another (LOAD_CPU, default 1), so that each server has one core.
# Load generator: oha (cargo install oha), which speaks mTLS.
# Targets: at least nginx's and HAProxy's throughput with keep-alive, at least 0.8x nginx's on
# new handshakes.
source "$(dirname "$0")/bench-lib.sh"
command -v oha >/dev/null || { echo "oha is needed: cargo install oha --locked" >&2; exit 1; }
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
PIN_SERVER="taskset -c ${SERVER_CPU:-0}"
PIN_LOAD="taskset -c ${LOAD_CPU:-1}"
bench_store
bench_server_pki
"$BIN" -q domain add localhost --ca local --mode enforce
# nginx and HAProxy answer with the variables serve's echo carries, so all do comparable work.
bench_nginx 'default_type application/json; return 200 "{\"s_dn\":\"$ssl_client_s_dn\",\"i_dn\":\"$ssl_client_i_dn\",\"serial\":\"$ssl_client_serial\",\"fingerprint\":\"$ssl_client_fingerprint\",\"verify\":\"$ssl_client_verify\",\"cert\":\"$ssl_client_escaped_cert\"}";'
bench_haproxy 'status 200 content-type application/json lf-string "{\"s_dn\":\"%[ssl_c_s_dn]\",\"i_dn\":\"%[ssl_c_i_dn]\",\"serial\":\"%[ssl_c_serial,hex]\",\"fingerprint\":\"%[ssl_c_sha1,hex,lower]\",\"verify\":\"%[ssl_c_verify]\",\"cert\":\"%[ssl_c_der,base64]\"}"'
serve_port=$(free_port)
$PIN_SERVER "$BIN" serve --listen 127.0.0.1:"$serve_port" --domain localhost --cert "$WORK/server.pem" \
  --key "$WORK/server.key" --log-format off 2>/dev/null &
wait_port "$serve_port"

load() { # URL [oha flags] -> "rps p99_ms success_rate"
  local url=$1; shift
  $PIN_LOAD oha --no-tui --output-format json -z "$DURATION" -c "$CONNECTIONS" "$@" \
    --cert "$CLIENT_CERT" --key "$CLIENT_KEY" --cacert "$WORK/server-ca.pem" "$url" \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); s=d["summary"]; print("%.0f %.2f %.4f" % (s["requestsPerSec"], d["latencyPercentiles"]["p99"]*1000, s["successRate"]))'
}
printf '| case | serve req/s | peer | peer req/s | ratio | serve p99 (ms) | peer p99 (ms) | target |\n|---|---|---|---|---|---|---|---|\n'
for mode in keep-alive new-connection; do
  flags=()
  [ "$mode" = new-connection ] && flags=(--disable-keepalive)
  read -r s_rps s_p99 s_ok < <(load "https://localhost:$serve_port/" "${flags[@]}")
  for peer in nginx haproxy; do
    port=$NGINX_PORT; target=1.0
    [ "$peer" = haproxy ] && port=$HAPROXY_PORT
    [ "$mode" = new-connection ] && target=0.8
    read -r p_rps p_p99 p_ok < <(load "https://localhost:$port/" "${flags[@]}")
    ratio=$(awk -v a="$s_rps" -v b="$p_rps" 'BEGIN {printf "%.2f", a/b}')
    printf '| %s (c=%s, %s) | %s | %s | %s | %sx | %s | %s | >= %sx |\n' "$mode" "$CONNECTIONS" "$DURATION" \
      "$s_rps" "$peer" "$p_rps" "$ratio" "$s_p99" "$p_p99" "$target"
    [ "$s_ok" = "1.0000" ] && [ "$p_ok" = "1.0000" ] || echo "warning: not every request succeeded (serve $s_ok, $peer $p_ok)"
  done
done
