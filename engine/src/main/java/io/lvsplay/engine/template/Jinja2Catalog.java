package io.lvsplay.engine.template;

import java.util.Set;
import java.util.TreeSet;

/**
 * The filter and test names Ansible 2.14 knows (ansible.builtin, Jinja2 3.1's builtins, and the
 * collection filters Debian's ansible package ships that roles commonly use), so that a name lvsplay
 * lacks is refused with "lvsplay does not support filter 'X' yet" and a name nobody has gets
 * Ansible's own "no filter named 'X'". Jinjava's extra filters that Ansible lacks are refused too:
 * a playbook that worked here must also work under ansible-playbook.
 */
public final class Jinja2Catalog {
  /** ansible.builtin filters (lib/ansible/plugins/filter) in 2.14. */
  static final Set<String> ANSIBLE_FILTERS = Set.of(
      "b64decode", "b64encode", "basename", "bool", "checksum", "combinations", "combine", "comment",
      "dict2items", "difference", "dirname", "expanduser", "expandvars", "extract", "fileglob", "flatten",
      "from_json", "from_yaml", "from_yaml_all", "hash", "human_readable", "human_to_bytes", "intersect",
      "items2dict", "log", "mandatory", "md5", "password_hash", "path_join", "permutations", "pow",
      "product", "quote", "random", "realpath", "regex_escape", "regex_findall", "regex_replace",
      "regex_search", "rekey_on_member", "relpath", "root", "sha1", "shuffle", "split", "splitext",
      "strftime", "subelements", "symmetric_difference", "ternary", "to_datetime", "to_json",
      "to_nice_json", "to_nice_yaml", "to_uuid", "to_yaml", "type_debug", "union", "unique", "unvault",
      "urldecode", "urlsplit", "vault", "win_basename", "win_dirname", "win_splitdrive", "zip",
      "zip_longest");

  /** Jinja2 3.1's builtin filters. */
  static final Set<String> JINJA2_FILTERS = Set.of(
      "abs", "attr", "batch", "capitalize", "center", "count", "d", "default", "dictsort", "e", "escape",
      "filesizeformat", "first", "float", "forceescape", "format", "groupby", "indent", "int", "items",
      "join", "last", "length", "list", "lower", "map", "max", "min", "pprint", "random", "reject",
      "rejectattr", "replace", "reverse", "round", "safe", "select", "selectattr", "slice", "sort",
      "string", "striptags", "sum", "title", "tojson", "trim", "truncate", "unique", "upper", "urlencode",
      "urlize", "wordcount", "wordwrap", "xmlattr");

  /** Filters from ansible.utils, ansible.netcommon and community.general that roles use unqualified or qualified. */
  static final Set<String> COLLECTION_FILTERS = Set.of(
      "ipaddr", "ipv4", "ipv6", "ipwrap", "ipmath", "ipsubnet", "ip4_hex", "hwaddr", "macaddr", "nthhost",
      "network_in_network", "network_in_usable", "next_nth_usable", "previous_nth_usable", "cidr_merge",
      "reduce_on_network", "slaac", "usable_range", "json_query", "dict_kv", "counter", "lists_mergeby",
      "random_mac", "version_sort", "from_csv", "groupby_as_dict", "to_xml", "from_xml");

  /** ansible.builtin tests (lib/ansible/plugins/test) in 2.14. */
  static final Set<String> ANSIBLE_TESTS = Set.of(
      "abs", "all", "any", "change", "changed", "contains", "directory", "exists", "failed", "failure",
      "falsy", "file", "finished", "is_abs", "is_dir", "is_file", "is_link", "is_mount", "is_same_file",
      "isnan", "issubset", "issuperset", "link", "link_exists", "match", "mount", "nan", "reachable",
      "regex", "same_file", "search", "skip", "skipped", "started", "subset", "succeeded", "success",
      "successful", "superset", "truthy", "unreachable", "uri", "url", "urn", "vault_encrypted", "version",
      "version_compare");

  /** Jinja2 3.1's builtin tests (the operator aliases "==", "<", ... are only used via select). */
  static final Set<String> JINJA2_TESTS = Set.of(
      "!=", "<", "<=", "==", ">", ">=", "boolean", "callable", "defined", "divisibleby", "eq", "equalto",
      "escaped", "even", "false", "filter", "float", "ge", "greaterthan", "gt", "in", "integer", "iterable",
      "le", "lessthan", "lower", "lt", "mapping", "ne", "none", "number", "odd", "sameas", "sequence",
      "string", "test", "true", "undefined", "upper");

  /** Tests from ansible.utils that roles use. */
  static final Set<String> COLLECTION_TESTS = Set.of(
      "ip", "ip_address", "ipv4_address", "ipv6_address", "ipv4", "ipv6", "in_network", "in_any_network",
      "in_one_network", "subnet_of", "supernet_of", "private", "public", "loopback", "multicast",
      "reserved", "unspecified", "mac", "ipv4_netmask", "ipv4_hostmask", "resolvable");

  private Jinja2Catalog() {}

  /** Every filter name Ansible (with its usual collections) accepts. */
  public static Set<String> ansibleFilters() {
    return ALL_FILTERS;
  }

  private static final Set<String> ALL_FILTERS = union(ANSIBLE_FILTERS, JINJA2_FILTERS, COLLECTION_FILTERS);
  private static final Set<String> ALL_TESTS = union(ANSIBLE_TESTS, JINJA2_TESTS, COLLECTION_TESTS);

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> all = new TreeSet<>();
    for (Set<String> set : sets) {
      all.addAll(set);
    }
    return java.util.Collections.unmodifiableSet(all);
  }

  /** Every test name Ansible (with its usual collections) accepts. */
  public static Set<String> ansibleTests() {
    return ALL_TESTS;
  }

  /** True if Ansible knows the filter and lvsplay implements it ({@code registered} is non-null). */
  static boolean isSupportedFilter(String name, Object registered) {
    return registered != null && ansibleFilters().contains(name);
  }

  /** True if Ansible knows the test and lvsplay implements it. */
  static boolean isSupportedTest(String name, Object registered) {
    return registered != null && ansibleTests().contains(name);
  }

  /** The error for a filter lvsplay does not have. */
  static String unknownFilter(String name) {
    return ansibleFilters().contains(name)
        ? "lvsplay does not support filter '" + name + "' yet"
        : "template error: no filter named '" + name + "'";
  }

  /** The error for a test lvsplay does not have. */
  static String unknownTest(String name) {
    if (!name.matches("[A-Za-z_][\\w.]*")) {
      // a name selectattr/select got as text, such as "asdf ": Ansible's plugin loader words it so
      return "TemplateSyntaxError: Could not load \"" + name + "\": 'invalid plugin name: ansible.builtin." + name + "'";
    }
    return ansibleTests().contains(name)
        ? "lvsplay does not support test '" + name + "' yet"
        : "template error: no test named '" + name + "'";
  }
}
