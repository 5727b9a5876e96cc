package io.lvsplay.engine.template.lookup;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a lookup plugin may ask of the render that called it. */
public interface LookupContext {
    /** The variable's value, empty when it is not defined. */
    Optional<Object> variable(String name);

    /** The names of every variable of the render. */
    Set<String> variableNames();

    /** Ansible's search path for controller files: the role's directory, then the playbook's. */
    List<Path> searchPath();

    /** Python's str() of a value. */
    String str(Object value);

    /** Renders template text with the render's variables plus {@code extraVars}. */
    String render(String text, Map<String, Object> extraVars);
}
