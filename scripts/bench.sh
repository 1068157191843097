#!/usr/bin/env bash
# mtlsctl against the tools users would pick instead, in one run on one machine: alternating
# runs, medians of RUNS (default 30) runs, ratios, a table on stdout and JSON in
# bench-results.json (or $RESULTS_FILE). SKIP_SERVE=1 leaves out the serve/nginx case,
# SKIP_TEAM=1 the OpenBao one.
source "$(dirname "$0")/bench-lib.sh"
RESULTS_FILE=${RESULTS_FILE:-$PWD/bench-results.json}
bench_store
bench_server_pki
bench_nginx 'return 200 "dn=$ssl_client_s_dn\n";'
url=https://localhost:$NGINX_PORT/

printf '| case | mtlsctl median (ms) | other median (ms) | ratio | target |\n|---|---|---|---|---|\n'
# 1. One mTLS request.
compare "request vs curl --cert --key" 0.5 -- \
  "$BIN" request "$url" --env bench/prod --cacert "$WORK/server-ca.pem" -- \
  curl -sS --fail --cert "$CLIENT_CERT" --key "$CLIENT_KEY" --cacert "$WORK/server-ca.pem" "$url" -o /dev/null

# 2. Issuing: a new key and a certificate signed by a CA.
openssl_issue() { # KEYOPTS...
  openssl req -new -newkey "$@" -nodes -keyout "$WORK/o.key" -subj /CN=o -out "$WORK/o.csr" 2>/dev/null &&
  openssl x509 -req -in "$WORK/o.csr" -CA "$WORK/server-ca.pem" -CAkey "$WORK/server-ca.key" \
    -CAcreateserial -days 365 -out "$WORK/o.pem" 2>/dev/null
}
compare "cert rotate ec-p256 vs openssl req + x509 -req" 0.5 -- \
  "$BIN" -q cert rotate bench/prod --key-type ec-p256 -- \
  openssl_issue ec -pkeyopt ec_paramgen_curve:P-256
compare "cert rotate rsa-2048 vs openssl req + x509 -req" 0.5 -- \
  "$BIN" -q cert rotate bench/prod --key-type rsa-2048 -- \
  openssl_issue rsa:2048

# 3. Scale: 1,000 and 10,000 certificates (100 and 1,000 properties).
cargo build --release --quiet --example gen_state
for size in "100 1000" "1000 10000"; do
  set -- $size
  state=$WORK/scale-$2.json
  target/release/examples/gen_state "$1" "$2" "$state" 2>/dev/null
  MTLSCTL_STATE=$state measure "cert list --json, $2 certificates" 100 "$BIN" --json cert list
  MTLSCTL_STATE=$state measure "expiry --format json, $2 certificates" 100 "$BIN" expiry --format json
  MTLSCTL_STATE=$state measure "cert rotate, $2 certificates" 150 "$BIN" -q cert rotate prop00000/production
done

# 5. Start-up.
MTLSCTL_STATE=$WORK/empty/state.json measure "mtlsctl --version" 5 "$BIN" --version
MTLSCTL_STATE=$WORK/empty/state.json measure "cert list, empty state" 5 "$BIN" cert list

write_results "$RESULTS_FILE"

# 6. Team state on OpenBao (its own script, to run alone: SKIP_TEAM=1 leaves it out).
if [ "${SKIP_TEAM:-0}" != 1 ]; then
  echo
  "$(dirname "$0")/bench-team.sh" || echo "(team-state benchmark skipped: $?)"
fi

# 7. serve against nginx (its own script: it needs oha).
if [ "${SKIP_SERVE:-0}" != 1 ]; then
  echo
  "$(dirname "$0")/bench-serve.sh" || echo "(serve benchmark skipped: $?)"
fi
