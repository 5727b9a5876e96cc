package io.lvsplay.agent.net;

import io.lvsplay.agent.Log;
import io.lvsplay.agent.table.VirtualService;

import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Binds a virtual service's VIP:port, retrying every second when the address is not (yet) on this host: keepalived
 * may add the VIP later, and net.ipv4.ip_nonlocal_bind=1 makes the bind work before it does.
 */
public abstract class VipListener implements AutoCloseable {
    protected final VirtualService service;
    protected final ScheduledExecutorService retryTimer;
    private volatile boolean closed;
    private volatile boolean bound;
    private String lastProblem;

    protected VipListener(VirtualService service, ScheduledExecutorService retryTimer) {
        this.service = service;
        this.retryTimer = retryTimer;
    }

    /** Tries to bind now; on failure keeps retrying in the background. */
    public final void open() {
        attempt();
    }

    public boolean bound() {
        return bound;
    }

    private synchronized void attempt() {
        if (closed || bound) {
            return;
        }
        try {
            bind();
            bound = true;
            if (lastProblem != null) {
                Log.info("service " + service.key() + ": listening on " + service.key().vip() + " after retrying");
            }
        } catch (IOException e) {
            String problem = String.valueOf(e.getMessage());
            if (!problem.equals(lastProblem)) {
                lastProblem = problem;
                String hint = problem.contains("Cannot assign requested address")
                        ? "; the VIP is not on this host: set sysctl net.ipv4.ip_nonlocal_bind=1 (the LVS playbooks do) or add the address; retrying every second"
                        : "; retrying every second";
                Log.error("service " + service.key() + ": cannot bind " + service.key().vip() + ": " + problem + hint);
            }
            retryTimer.schedule(this::attempt, 1, TimeUnit.SECONDS);
        }
    }

    /** Binds the channels and hands them to their event loops; releases anything half-bound on failure. */
    protected abstract void bind() throws IOException;

    /** Closes the listening channels; connections already accepted are not affected. */
    protected abstract void unbind();

    @Override
    public final synchronized void close() {
        closed = true;
        if (bound) {
            unbind();
            bound = false;
        }
    }
}
