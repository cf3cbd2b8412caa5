#!/bin/sh
# One-shot namespace job (the temporal-create-namespace service in docker-compose.yml), after
# samples-server compose/scripts/create-namespace.sh: waits for a healthy cluster, then creates the
# namespace with an explicit retention (how long closed workflows' histories are kept), or sets that
# retention on a namespace that exists already, so a changed NAMESPACE_RETENTION takes effect on rerun.
set -eu

: "${TEMPORAL_ADDRESS:?set TEMPORAL_ADDRESS}"
: "${NAMESPACE:?set NAMESPACE}"
: "${NAMESPACE_RETENTION:?set NAMESPACE_RETENTION (e.g. 7d)}"

tries=0
until temporal operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; do
  tries=$((tries + 1))
  [ "$tries" -lt 60 ] || { echo "Temporal on $TEMPORAL_ADDRESS never became healthy" >&2; exit 1; }
  sleep 2
done

if temporal operator namespace describe --address "$TEMPORAL_ADDRESS" --namespace "$NAMESPACE" >/dev/null 2>&1; then
  temporal operator namespace update --address "$TEMPORAL_ADDRESS" --namespace "$NAMESPACE" --retention "$NAMESPACE_RETENTION"
  echo "namespace $NAMESPACE exists; retention set to $NAMESPACE_RETENTION"
else
  temporal operator namespace create --address "$TEMPORAL_ADDRESS" --namespace "$NAMESPACE" --retention "$NAMESPACE_RETENTION"
  echo "namespace $NAMESPACE created with retention $NAMESPACE_RETENTION"
fi
