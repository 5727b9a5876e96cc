package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  @Test
  void oneTemplarRendersForEightHostsInParallel() throws Exception {
    Templar templar = new Templar();
    String template = "{% for i in range(n) %}{{ host }}-{{ i }}{{ ',' if not loop.last }}{% endfor %}|{{ label }}";
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int host = 0; host < 8; host++) {
        Map<String, Object> vars = Map.of("host", "h" + host, "n", 3, "label", "{{ host }}!");
        for (int round = 0; round < 25; round++) {
          results.add(pool.submit(() -> templar.render(template, vars, "t")));
        }
      }
      for (int i = 0; i < results.size(); i++) {
        String host = "h" + i / 25;
        assertEquals(host + "-0," + host + "-1," + host + "-2|" + host + "!", results.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
