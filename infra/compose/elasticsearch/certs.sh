#!/usr/bin/env bash
# Run once by the es-certs service (the Elasticsearch image, as root): a CA of the cluster's own and one certificate
# per node, in the es-certs volume that the nodes and the TTX replicas (trusting ca/ca.crt) mount read-only.
set -euo pipefail
cd /usr/share/elasticsearch
certs=config/certs
if [ ! -f "$certs/ca/ca.crt" ]; then
  bin/elasticsearch-certutil ca --silent --pem --out "$certs/ca.zip"
  unzip -o -q "$certs/ca.zip" -d "$certs"
fi
if [ ! -f "$certs/es1/es1.crt" ]; then
  bin/elasticsearch-certutil cert --silent --pem --in /setup/instances.yml --out "$certs/certs.zip" \
    --ca-cert "$certs/ca/ca.crt" --ca-key "$certs/ca/ca.key"
  unzip -o -q "$certs/certs.zip" -d "$certs"
fi
# the nodes run as uid 1000; the TTX replicas (uid 10001) read only the CA certificate
chown -R 1000:0 "$certs"
find "$certs" -type d -exec chmod 755 {} +
find "$certs" -type f -exec chmod 640 {} +
chmod 644 "$certs/ca/ca.crt"
echo "certificates ready"
