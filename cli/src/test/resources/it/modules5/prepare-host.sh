#!/bin/sh
# A small SysV service, m5d: a detached sleep with a pid file; status answers as Debian's scripts do.
set -e
cat > /etc/init.d/m5d <<'SCRIPT'
#!/bin/sh
### BEGIN INIT INFO
# Provides:          m5d
# Required-Start:
# Required-Stop:
# Default-Start:     2 3 4 5
# Default-Stop:      0 1 6
# Short-Description: lvsplay lab service
### END INIT INFO
PID=/run/m5d.pid
running() { [ -e $PID ] && kill -0 "$(cat $PID)" 2>/dev/null; }
case "$1" in
  start) running || { setsid sleep 100000 </dev/null >/dev/null 2>&1 & echo $! > $PID; echo "$2" > /run/m5d.args; } ;;
  stop) if running; then kill "$(cat $PID)"; fi; rm -f $PID ;;
  status) if running; then echo "m5d is running."; else echo "m5d is not running."; exit 3; fi ;;
  *) echo "Usage: m5d {start|stop|status}" >&2; exit 2 ;;
esac
SCRIPT
chmod 755 /etc/init.d/m5d
