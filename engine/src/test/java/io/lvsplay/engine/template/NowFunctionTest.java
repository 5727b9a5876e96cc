package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ansible's now(utc=False, fmt=None) global, and Python's strftime directives behind it. */
class NowFunctionTest {
  private final Templar templar = new Templar();

  private Object render(String text) {
    return templar.template(text, Map.of(), "test");
  }

  @Test
  void formatsWithPythonsStrftime() {
    ZonedDateTime t = ZonedDateTime.of(2026, 3, 7, 14, 5, 9, 123_456_000, ZoneOffset.UTC);
    assertEquals("2026-03-07 14:05:09.123456 Sat Saturday Mar March 02 PM 066 +0000 %",
        PythonDatetime.format(t, "%Y-%m-%d %H:%M:%S.%f %a %A %b %B %I %p %j %z %%"));
    assertEquals(String.valueOf(t.toEpochSecond()), PythonDatetime.format(t, "%s"));
    assertEquals("2026-03-07 14:05:09.123456", new PythonDatetime(t).toString());
  }

  @Test
  void nowWithFmtIsTextAndWithoutIsADatetime() {
    String year = String.valueOf(ZonedDateTime.now(ZoneOffset.UTC).getYear());
    assertEquals(year, String.valueOf(render("{{ now(utc=true, fmt='%Y') }}")));
    assertEquals(year, String.valueOf(render("{{ now(true).year }}")));
    assertEquals(year, String.valueOf(render("{{ now(utc=true).strftime('%Y') }}")));
    String stamp = String.valueOf(render("{{ now(fmt='%s.%f') }}"));
    assertTrue(stamp.matches("\\d{10}\\.\\d{6}"), stamp);
    assertTrue(String.valueOf(render("{{ now() }}")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?"));
  }
}
