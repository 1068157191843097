#!/usr/bin/env bash
# Requests per second and p99 latency of `mtlsctl serve` against nginx (one worker) with the
# same server certificate, client certificate and CA, with keep-alive and with a new TLS
# connection per request. Load generator: oha (cargo install oha), which speaks mTLS.
# Targets: at least nginx's throughput with keep-alive, at least 0.8x on new handshakes.
source "$(dirname "$0")/bench-lib.sh"
command -v oha >/dev/null || { echo "oha is needed: cargo install oha --locked" >&2; exit 1; }
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
bench_store
bench_server_pki
"$BIN" -q domain add localhost --ca local --mode enforce
# nginx answers with the variables serve's echo carries, so both do comparable work.
bench_nginx 'default_type application/json; return 200 "{\"s_dn\":\"$ssl_client_s_dn\",\"i_dn\":\"$ssl_client_i_dn\",\"serial\":\"$ssl_client_serial\",\"fingerprint\":\"$ssl_client_fingerprint\",\"verify\":\"$ssl_client_verify\",\"cert\":\"$ssl_client_escaped_cert\"}";'
serve_port=$(free_port)
"$BIN" serve --listen 127.0.0.1:"$serve_port" --domain localhost --cert "$WORK/server.pem" \
  --key "$WORK/server.key" --log-format off 2>/dev/null &
wait_port "$serve_port"

load() { # URL [oha flags] -> "rps p99_ms"
  local url=$1; shift
  oha --no-tui --output-format json -z "$DURATION" -c "$CONNECTIONS" "$@" \
    --cert "$CLIENT_CERT" --key "$CLIENT_KEY" --cacert "$WORK/server-ca.pem" "$url" \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); s=d["summary"]; print("%.0f %.2f %.4f" % (s["requestsPerSec"], d["latencyPercentiles"]["p99"]*1000, s["successRate"]))'
}
printf '| case | serve req/s | nginx req/s | ratio | serve p99 (ms) | nginx p99 (ms) | target |\n|---|---|---|---|---|---|---|\n'
for mode in keep-alive new-connection; do
  flags=(); target=1.0
  [ "$mode" = new-connection ] && { flags=(--disable-keepalive); target=0.8; }
  read -r s_rps s_p99 s_ok < <(load "https://localhost:$serve_port/" "${flags[@]}")
  read -r n_rps n_p99 n_ok < <(load "https://localhost:$NGINX_PORT/" "${flags[@]}")
  ratio=$(awk -v a="$s_rps" -v b="$n_rps" 'BEGIN {printf "%.2f", a/b}')
  printf '| %s (c=%s, %s) | %s | %s | %sx | %s | %s | >= %sx |\n' "$mode" "$CONNECTIONS" "$DURATION" "$s_rps" "$n_rps" "$ratio" "$s_p99" "$n_p99" "$target"
  [ "$s_ok" = "1.0000" ] && [ "$n_ok" = "1.0000" ] || echo "warning: not every request succeeded (serve $s_ok, nginx $n_ok)"
done
