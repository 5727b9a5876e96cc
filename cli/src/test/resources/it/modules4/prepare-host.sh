#!/bin/sh
# The places copy writes into, and nothing else: each tool starts from the same empty tree.
set -e
mkdir -p /opt/m4
