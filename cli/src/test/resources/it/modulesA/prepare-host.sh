#!/bin/sh
# A web server on the host's own loopback for get_url, and an archive on the host for unarchive.
set -e
mkdir -p /opt/ma/www /opt/ma/src/tree/app/conf /opt/ma/unpacked
printf 'real_server 10.254.1.12 80\n' > /opt/ma/www/rs.conf
(cd /opt/ma/www && sha256sum rs.conf > SHA256SUMS)
printf 'weight 1\n' > /opt/ma/src/tree/app/conf/rs.conf
printf 'read me\n' > /opt/ma/src/tree/app/README
tar -czf /opt/ma/src/app.tgz -C /opt/ma/src/tree app
nohup /usr/bin/python3 -m http.server 8011 --bind 127.0.0.1 --directory /opt/ma/www >/dev/null 2>&1 &
sleep 1
