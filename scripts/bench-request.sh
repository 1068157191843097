#!/usr/bin/env bash
# One whole `mtlsctl request --env …` process against one `curl --cert --key` process, on the
# same loopback nginx (ssl_verify_client on), alternating, RUNS runs each (default 30).
# Target: mtlsctl's median wall time at most 0.5x curl's.
source "$(dirname "$0")/bench-lib.sh"
bench_store
bench_server_pki
bench_nginx 'return 200 "dn=$ssl_client_s_dn\n";'
url=https://localhost:$NGINX_PORT/
printf '| case | mtlsctl median (ms) | other median (ms) | ratio | target |\n|---|---|---|---|---|\n'
compare "one mTLS request (vs curl)" 0.5 -- \
  "$BIN" request "$url" --env bench/prod --cacert "$WORK/server-ca.pem" -- \
  curl -sS --fail --cert "$CLIENT_CERT" --key "$CLIENT_KEY" --cacert "$WORK/server-ca.pem" "$url" -o /dev/null
