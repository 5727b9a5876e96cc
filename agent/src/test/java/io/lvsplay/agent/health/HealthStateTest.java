package io.lvsplay.agent.health;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthStateTest {

    @Test
    void upServerGoesDownAfterRetryPlusOneConsecutiveFailures() {
        HealthState s = new HealthState(true, 2);
        assertEquals(new HealthState.Outcome(false, true, true), s.record(false));
        assertEquals(new HealthState.Outcome(false, true, true), s.record(false));
        assertEquals(new HealthState.Outcome(true, false, false), s.record(false));
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        HealthState s = new HealthState(true, 1);
        s.record(false);
        s.record(true);
        assertTrue(s.record(false).up());
        assertFalse(s.record(false).up());
    }

    @Test
    void downServerComesUpAfterOneSuccess() {
        HealthState s = new HealthState(false, 3);
        assertEquals(new HealthState.Outcome(false, false, false), s.record(false));
        assertEquals(new HealthState.Outcome(true, true, false), s.record(true));
    }

    @Test
    void retryZeroFailsOnTheFirstFailure() {
        HealthState s = new HealthState(true, 0);
        assertTrue(s.record(false).changed());
    }
}
