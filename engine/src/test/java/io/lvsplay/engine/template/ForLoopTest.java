package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Jinja2's for tag; expected values are Jinja2's. */
class ForLoopTest {
  private static final Templar TEMPLAR = new Templar();
  private static final Map<String, Object> VARS = Map.of(
      "nums", List.of(1, 4, 5, 9, 6),
      "empty", List.of(),
      "nested", List.of(1, List.of(2, 3), List.of(List.of(4))),
      "settings", Map.of("a", 1));

  private static String render(String template) {
    return TEMPLAR.render(template, VARS, "t.j2");
  }

  @Test
  void elseRendersWhenThereAreNoItems() {
    assertEquals("no items|1", render("{% for w in empty %}{{ w }}{% else %}no items{% endfor %}|"
        + "{% for w in [1] %}{{ w }}{% else %}none{% endfor %}"));
  }

  @Test
  void anInlineConditionFiltersTheItemsAndTheLoopCountsOnlyThose() {
    assertEquals("1=4 2=5 3=9 4=6 |1=1 2=5 3=9 ", render(
        "{% for n in nums if n > 3 %}{{ loop.index }}={{ n }} {% endfor %}|"
            + "{% for n in nums if n is odd %}{{ loop.index }}={{ n }} {% endfor %}"));
  }

  @Test
  void elseAlsoRendersWhenTheConditionFiltersEverythingOut() {
    assertEquals("none", render("{% for n in nums if n > 100 %}{{ n }}{% else %}none{% endfor %}"));
  }

  @Test
  void loopChangedCycleAndNeighbours() {
    assertEquals("123", render("{% for n in [1, 1, 2, 2, 3] %}{% if loop.changed(n) %}{{ n }}{% endif %}{% endfor %}"));
    assertEquals("a b a ", render("{% for n in [1, 2, 3] %}{{ loop.cycle('a', 'b') }} {% endfor %}"));
    assertEquals("-:4 1:5 4:- ", render("{% for n in [1, 4, 5] %}{{ loop.previtem | default('-') }}:"
        + "{{ loop.nextitem | default('-') }} {% endfor %}"));
    assertEquals("1/3/2/True/False ", render("{% for n in [7] %}{{ loop.index }}/{{ loop.revindex + 2 }}/"
        + "{{ loop.length + 1 }}/{{ loop.first }}/{{ loop.last and false }} {% endfor %}"));
  }

  @Test
  void recursiveLoopsDescendWithLoopCalls() {
    assertEquals("1[23][[4:3]]", render("{% for item in nested recursive %}{% if item is iterable %}[{{ loop(item) }}]"
        + "{% elif loop.depth > 2 %}{{ item }}:{{ loop.depth }}{% else %}{{ item }}{% endif %}{% endfor %}"));
  }

  @Test
  void targetsUnpackPairs() {
    assertEquals("a=1 x=y ", render("{% for k, v in settings.items() %}{{ k }}={{ v }} {% endfor %}"
        + "{% for (k, v) in [['x', 'y']] %}{{ k }}={{ v }} {% endfor %}"));
    assertThrows(RuntimeException.class, () -> render("{% for a, b in [[1, 2, 3]] %}{{ a }}{% endfor %}"));
  }

  @Test
  void loopVariablesDoNotLeakOut() {
    assertEquals("3|", render("{% for n in [3] %}{{ n }}{% endfor %}|{{ n | default('') }}"));
  }
}
