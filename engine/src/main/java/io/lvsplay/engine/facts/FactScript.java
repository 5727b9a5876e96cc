package io.lvsplay.engine.facts;

/**
 * The one shell script that gathers facts in a single round trip. Each section is introduced by a
 * line "@@name" and parsed by {@link FactParser}. Plain POSIX sh plus iproute2; missing tools leave
 * a section empty rather than failing.
 */
final class FactScript {
    private FactScript() {
    }

    // shell builtins where they do the job: on 50 hosts every process spawned is felt
    static final String TEXT = String.join("\n",
            "exec 2>/dev/null",
            "echo @@hostname; read -r h < /proc/sys/kernel/hostname && echo \"$h\" || hostname",
            "echo @@fqdn; hostname -f 2>/dev/null || echo \"$h\"",
            "echo @@uname; read -r s < /proc/sys/kernel/ostype; read -r r < /proc/sys/kernel/osrelease; "
                    + "read -r v < /proc/sys/kernel/version; echo \"$s\"; echo \"$r\"; uname -m; echo \"$v\"",
            "echo @@os_release; cat /etc/os-release 2>/dev/null || cat /usr/lib/os-release",
            "echo @@default_route; ip -4 route show default 2>/dev/null",
            "echo @@addresses; ip -o addr show 2>/dev/null",
            "echo @@links; ip -o link show 2>/dev/null",
            "echo @@init; if [ -d /run/systemd/system ]; then echo systemd; "
                    + "elif [ -x /sbin/openrc ] || [ -x /usr/sbin/openrc ]; then echo openrc; "
                    + "elif [ -d /etc/init.d ]; then echo sysvinit; else echo unknown; fi",
            "echo @@pkg_mgr; for m in apt-get dnf yum zypper apk pacman; do "
                    + "if command -v $m >/dev/null 2>&1; then echo $m; break; fi; done",
            "echo @@ipvs; if [ -e /proc/net/ip_vs ]; then echo loaded; "
                    + "elif [ -d \"/lib/modules/$r\" ] && { modinfo ip_vs >/dev/null 2>&1 || "
                    + "ls /lib/modules/$r/kernel/net/netfilter/ipvs/ip_vs.ko* >/dev/null 2>&1; }; "
                    + "then echo loadable; else echo absent; fi",
            "echo @@ipip; if [ -e /sys/module/ipip ] || [ -e /sys/class/net/tunl0 ]; then echo loaded; "
                    + "elif [ -d \"/lib/modules/$r\" ] && { modinfo ipip >/dev/null 2>&1 || "
                    + "ls /lib/modules/$r/kernel/net/ipv4/ipip.ko* >/dev/null 2>&1; }; "
                    + "then echo loadable; else echo absent; fi",
            "echo @@user; id -un; id -u",
            "echo @@nproc; nproc 2>/dev/null || grep -c ^processor /proc/cpuinfo",
            "echo @@meminfo; while read -r k n u; do case $k in MemTotal:|MemFree:) echo \"$k $n $u\";; esac; done < /proc/meminfo",
            "echo @@virt; if [ -f /.dockerenv ] || grep -qa docker /proc/1/cgroup 2>/dev/null; then echo docker; "
                    + "elif [ -f /run/.containerenv ]; then echo podman; else echo none; fi",
            // ansible_python as Ansible's python facts: one interpreter start without site (-S), a few ms;
            // /usr/bin/python3 first, as Ansible's interpreter discovery picks it on Debian and RHEL
            "echo @@python; if p=$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || command -v python3 || command -v python); then echo \"$p\"; \"$p\" -S -c "
                    + "'import sys\ntry:\n import ssl; s=hasattr(ssl, \"SSLContext\")\nexcept Exception:\n s=False\n"
                    + "v=sys.version_info; print(v[0], v[1], v[2], v[3], v[4], sys.implementation.name, s, sys.executable)'; fi",
            // one variable a line: newlines inside values travel as \001 (tr works on NUL in GNU and busybox)
            "echo @@env; env -0 | tr '\\n\\000' '\\001\\n'",
            "echo @@end",
            "");
}
