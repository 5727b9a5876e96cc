package io.lvsplay.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each case is one filter behaviour, with the output Ansible documents or produces. */
class FiltersTest {
  private static final Templar TEMPLAR = new Templar();
  private static final Map<String, Object> VARS = Map.of(
      "users", List.of(
          Map.of("name", "bob", "uid", 3, "admin", true),
          Map.of("name", "al", "uid", 1, "admin", false)),
      "names", List.of("a", "b"),
      "settings", Map.of("port", 80));

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("{{ '' | default('x', true) }}", "x"),
        Arguments.of("{{ false | default('x') }}", "False"),
        Arguments.of("{{ names | join(', ') }}", "a, b"),
        Arguments.of("{{ '42' | int + 1 }}", "43"),
        Arguments.of("{{ '3.7' | int }}", "3"),
        Arguments.of("{{ 'x' | int }}", "0"),
        Arguments.of("{{ '1.5' | float }}", "1.5"),
        Arguments.of("{{ 'yes' | bool }} {{ 'on' | bool }} {{ '1' | bool }} {{ 'no' | bool }}", "True True True False"),
        Arguments.of("{{ true | string }}", "True"),
        Arguments.of("{{ 'AbC' | lower }}{{ 'AbC' | upper }}", "abcABC"),
        Arguments.of("[{{ '  x ' | trim }}]", "[x]"),
        Arguments.of("{{ 'a-b-c' | replace('-', '.') }}", "a.b.c"),
        Arguments.of("{{ 'ab12' | regex_replace('([a-z]+)(\\\\d+)', '\\\\2-\\\\1') }}", "12-ab"),
        Arguments.of("{{ 'eth0: up' | regex_replace('(?P<dev>\\\\w+):.*', '\\\\g<dev>') }}", "eth0"),
        Arguments.of("{{ 'Hello' | regex_replace('h', 'J', ignorecase=True) }}", "Jello"),
        Arguments.of("{{ 'port 8080' | regex_search('\\\\d+') }}", "8080"),
        Arguments.of("{{ 'port 8080' | regex_search('(\\\\w+) (\\\\d+)', '\\\\2') }}", "['8080']"),
        Arguments.of("{{ ('abc' | regex_search('z')) is none }}", "True"),
        Arguments.of("{{ 'a1b22' | regex_findall('\\\\d+') }}", "['1', '22']"),
        Arguments.of("{{ 'a.b*c d-e_f/g:h@#~&!%,=<>' | regex_escape }}", "a\\.b\\*c\\ d\\-e_f/g:h@\\#\\~\\&!%,=<>"),
        Arguments.of("{{ 'a.b*c[d]' | regex_escape('posix_basic') }}", "a\\.b\\*c\\[d\\]"),
        Arguments.of("{{ '1.2' | regex_replace('^' ~ ('1.2' | regex_escape) ~ '$', 'y') }} {{ '1x2' | regex_replace('^' ~ ('1.2' | regex_escape) ~ '$', 'y') }}", "y 1x2"),
        Arguments.of("{{ {'b': 1, 'a': 'é'} | to_json }}", "{\"b\": 1, \"a\": \"\\u00e9\"}"),
        Arguments.of("{{ {'b': [1], 'a': none} | to_nice_json }}", "{\n    \"a\": null,\n    \"b\": [\n        1\n    ]\n}"),
        Arguments.of("{{ {'b': [1, 'x'], 'a': {'c': true}} | to_yaml }}", "a: {c: true}\nb: [1, x]\n"),
        Arguments.of("{{ {'b': [1], 'a': {'c': 1}} | to_nice_yaml }}", "a:\n    c: 1\nb:\n- 1\n"),
        Arguments.of("{{ ('{\"a\": [1, true]}' | from_json).a }}", "[1, True]"),
        Arguments.of("{{ ('a: {b: 2}' | from_yaml).a.b + 1 }}", "3"),
        Arguments.of("{{ '10.10.10.100/24' | ipaddr('address') }}", "10.10.10.100"),
        Arguments.of("{{ '10.10.10.100/24' | ipaddr('prefix') }}", "24"),
        Arguments.of("{{ '10.10.10.100/24' | ipaddr('netmask') }}", "255.255.255.0"),
        Arguments.of("{{ '10.10.10.100/24' | ipaddr('network') }}", "10.10.10.0"),
        Arguments.of("{{ '10.10.10.100/24' | ipaddr('network/prefix') }}", "10.10.10.0/24"),
        Arguments.of("{{ '10.10.10.100/24' | ipaddr('broadcast') }}", "10.10.10.255"),
        Arguments.of("{{ '10.0.0.1' | ipaddr }}", "10.0.0.1"),
        Arguments.of("{{ 'not-an-ip' | ipaddr }}", "False"),
        Arguments.of("{{ '300.0.0.1' | ipv4 }}", "False"),
        Arguments.of("{{ ['10.0.0.1', 'x', '8.8.8.8'] | ipaddr('private') }}", "['10.0.0.1']"),
        Arguments.of("{{ names | length }} {{ names | count }}", "2 2"),
        Arguments.of("{{ names | first }}{{ names | last }}", "ab"),
        Arguments.of("{{ [3, 1, 2] | min }} {{ [3, 1, 2] | max }}", "1 3"),
        Arguments.of("{{ users | max(attribute='uid') | attr('name') }}", "bob"),
        Arguments.of("{{ [1, 2, 3] | sum }}", "6"),
        Arguments.of("{{ [2, 1, 2, 3, 1] | unique }}", "[2, 1, 3]"),
        Arguments.of("{{ [3, 1, 2] | sort }} {{ [3, 1, 2] | sort(reverse=true) }}", "[1, 2, 3] [3, 2, 1]"),
        Arguments.of("{{ users | sort(attribute='uid') | map(attribute='name') | list }}", "['al', 'bob']"),
        Arguments.of("{{ ['b', 'A', 'c'] | sort }}", "['A', 'b', 'c']"),
        Arguments.of("{{ users | selectattr('admin') | map(attribute='name') | list }}", "['bob']"),
        Arguments.of("{{ users | selectattr('name', 'equalto', 'al') | map(attribute='uid') | list }}", "[1]"),
        Arguments.of("{{ users | selectattr('name', '==', 'al') | map(attribute='uid') | list }}", "[1]"),
        Arguments.of("{{ users | selectattr('name', 'match', 'b') | map(attribute='uid') | list }}", "[3]"),
        Arguments.of("{{ users | selectattr('name', 'search', 'l') | map(attribute='uid') | list }}", "[1]"),
        Arguments.of("{{ users | selectattr('name', 'in', ['al']) | map(attribute='uid') | list }}", "[1]"),
        Arguments.of("{{ users | selectattr('shell', 'defined') | list }}", "[]"),
        Arguments.of("{{ users | rejectattr('admin') | map(attribute='name') | list }}", "['al']"),
        Arguments.of("{{ [1, 2, 3, 4] | select('even') | list }} {{ [1, 2, 3] | reject('equalto', 2) | list }}", "[2, 4] [1, 3]"),
        Arguments.of("{{ ['1', '2'] | map('int') | list }}", "[1, 2]"),
        Arguments.of("{{ 'ab' | list }}", "['a', 'b']"),
        Arguments.of("{{ settings | dict2items }}", "[{'key': 'port', 'value': 80}]"),
        Arguments.of("{{ [{'key': 'a', 'value': 1}] | items2dict }}", "{'a': 1}"),
        Arguments.of("{{ {'a': 1, 'b': 2} | combine({'b': 3}) }}", "{'a': 1, 'b': 3}"),
        Arguments.of("{{ {'a': {'x': 1}} | combine({'a': {'y': 2}}, recursive=True) }}", "{'a': {'x': 1, 'y': 2}}"),
        Arguments.of("{{ {'a': {'x': 1}} | combine({'a': {'y': 2}}) }}", "{'a': {'y': 2}}"),
        Arguments.of("{{ [1, 2] | zip(['a', 'b']) | list }}", "[(1, 'a'), (2, 'b')]"),
        Arguments.of("{{ [1, [2, [3]]] | flatten }} {{ [1, [2, [3]]] | flatten(levels=1) }}", "[1, 2, 3] [1, 2, [3]]"),
        Arguments.of("{{ [1, 2, 3] | difference([2]) }}", "[1, 3]"),
        Arguments.of("{{ [1, 2] | union([2, 3]) }}", "[1, 2, 3]"),
        Arguments.of("{{ [1, 2, 3] | intersect([3, 2]) }}", "[2, 3]"),
        Arguments.of("{{ '/etc/nginx/nginx.conf' | basename }}", "nginx.conf"),
        Arguments.of("{{ '/etc/nginx/nginx.conf' | dirname }}", "/etc/nginx"),
        Arguments.of("{{ 'abc' | b64encode }} {{ 'YWJj' | b64decode }}", "YWJj abc"),
        Arguments.of("{{ 'abc' | hash('sha1') }}", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        Arguments.of("{{ 'abc' | hash('md5') }}", "900150983cd24fb0d6963f7d28e17f72"),
        Arguments.of("{{ \"it's\" | quote }} {{ 'plain' | quote }}", "'it'\"'\"'s' plain"),
        Arguments.of("{{ true | ternary('up', 'down') }} {{ none | ternary(1, 2, 3) }}", "up 3"),
        Arguments.of("{{ 1 | type_debug }} {{ 'a' | type_debug }} {{ {} | type_debug }} {{ [] | type_debug }}", "int str dict list"),
        Arguments.of("{{ [1, 2] | product(['a']) | list }}", "[(1, 'a'), (2, 'a')]"));
  }

  @ParameterizedTest(name = "{0} renders {1}")
  @MethodSource("cases")
  void filterBehavesLikeAnsible(String template, String expected) {
    assertEquals(expected, TEMPLAR.render(template, VARS, "filters.j2"));
  }
}
