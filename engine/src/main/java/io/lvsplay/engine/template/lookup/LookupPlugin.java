package io.lvsplay.engine.template.lookup;

import java.util.List;
import java.util.Map;

/** One of Ansible's lookup plugins: turns the terms (and keyword options) into a list of values. */
@FunctionalInterface
public interface LookupPlugin {
    List<Object> run(List<Object> terms, Map<String, Object> options, LookupContext context);
}
