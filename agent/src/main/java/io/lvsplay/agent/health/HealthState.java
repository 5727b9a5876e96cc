package io.lvsplay.agent.health;

/**
 * keepalived's checker state machine for one real server: an up server goes down after {@code retry + 1}
 * consecutive failures (retries come after delay_before_retry, not delay_loop); a down server comes up after one
 * success.
 */
public final class HealthState {
    private final int retry;
    private boolean up;
    private int failures;

    public HealthState(boolean initiallyUp, int retry) {
        this.up = initiallyUp;
        this.retry = retry;
    }

    public boolean up() {
        return up;
    }

    public Outcome record(boolean success) {
        if (success) {
            failures = 0;
            boolean changed = !up;
            up = true;
            return new Outcome(changed, true, false);
        }
        if (!up) {
            return new Outcome(false, false, false);
        }
        failures++;
        if (failures > retry) {
            failures = 0;
            up = false;
            return new Outcome(true, false, false);
        }
        return new Outcome(false, true, true);
    }

    /**
     * @param changed   the server's state flipped with this result
     * @param up        the state after this result
     * @param retrySoon check again after delay_before_retry instead of delay_loop
     */
    public record Outcome(boolean changed, boolean up, boolean retrySoon) {
    }
}
