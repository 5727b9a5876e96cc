package io.lvsplay.engine.exec;

/** The PLAY RECAP counters of one host. */
public final class HostStats {
    public int ok;
    public int changed;
    public int unreachable;
    public int failed;
    public int skipped;
    public int rescued;
    public int ignored;

    synchronized void count(TaskResult result) {
        switch (result.status()) {
            case OK -> ok++;
            case CHANGED -> {
                ok++;
                changed++;
            }
            case SKIPPED -> skipped++;
            case UNREACHABLE -> {
                // ignore_unreachable: Ansible counts the host ok and ignored, and keeps it in the play
                if (result.ignored()) {
                    ok++;
                    ignored++;
                } else {
                    unreachable++;
                }
            }
            case FAILED -> {
                if (result.ignored()) {
                    ok++;
                    ignored++;
                } else {
                    failed++;
                }
            }
        }
    }

    synchronized void rescued() {
        rescued++;
        if (failed > 0) {
            failed--;
        }
    }
}
