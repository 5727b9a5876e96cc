package io.lvsplay.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class PythonStrptimeTest {
    @Test
    void ansiblesDefaultFormat() {
        assertEquals(LocalDateTime.of(2022, 2, 8, 14, 14, 0), PythonStrptime.parse("202202081414.00", "%Y%m%d%H%M.%S"));
    }

    @Test
    void missingFieldsDefaultToPythons1900January1st() {
        assertEquals(LocalDateTime.of(1900, 1, 1, 7, 5, 0), PythonStrptime.parse("7:05", "%H:%M"));
    }

    @Test
    void monthNamesTwelveHourClockAndWhitespaceRuns() {
        assertEquals(LocalDateTime.of(2021, 3, 4, 17, 30, 0),
                PythonStrptime.parse("Mar  4 2021 05:30 PM", "%b %d %Y %I:%M %p"));
    }

    @Test
    void leftoverTextIsPythonsUnconvertedData() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PythonStrptime.parse("2022-01-01x", "%Y-%m-%d"));
        assertEquals("unconverted data remains: x", e.getMessage());
    }

    @Test
    void anUnknownDirectiveIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PythonStrptime.parse("1", "%U"));
        assertEquals("lvsplay does not support the strptime directive %U yet", e.getMessage());
    }
}
