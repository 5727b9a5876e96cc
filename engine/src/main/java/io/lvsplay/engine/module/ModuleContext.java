package io.lvsplay.engine.module;

import io.lvsplay.engine.remote.RemoteHost;
import java.nio.file.Path;
import java.util.Map;

/** What a module may look at while planning for one host. */
public interface ModuleContext {

    /** The host (null for modules with the RUNS_ON_CONTROLLER trait). */
    RemoteHost host();

    /** Inventory name of the host. */
    String hostName();

    /** All variables visible to the task on this host (facts included, under ansible_facts). */
    Map<String, Object> vars();

    boolean checkMode();

    boolean diffMode();

    /**
     * Finds a file named in a task ({@code src:} of copy/template): absolute paths as they are,
     * relative ones in the role's or playbook's {@code templates/} or {@code files/} folder, then
     * beside the playbook. Throws {@link ModuleFailure} naming the places searched.
     */
    Path findFile(String name, String kind);

    /**
     * The content of a file this task writes, would write or reads back (copy, template, assemble,
     * fetch). Content that carries a secret, and any content of a no_log task, has its digests
     * masked in all output, so no checksum of it can be brute-forced.
     */
    default void fileContent(byte[] content) {
    }

    /** Renders a Jinja2 template file with the task's variables; undefined variables fail. */
    String renderTemplate(Path template);

    /**
     * The template module's render: also Ansible's template_* variables ({@code src} as written,
     * {@code dest}) and ansible_managed, with the module's Jinja2 arguments.
     */
    default String renderTemplate(Path template, String src, String dest,
                                  io.lvsplay.engine.template.TemplateOptions options) {
        if (!options.equals(io.lvsplay.engine.template.TemplateOptions.DEFAULT)) {
            throw new ModuleFailure("this context cannot render with Jinja2 options");
        }
        return renderTemplate(template);
    }

    /**
     * Evaluates a bare Jinja2 expression as a condition, like {@code when:} does
     * ({@code that:} of assert). Throws {@link ModuleFailure} when it cannot be evaluated.
     */
    boolean evaluateCondition(String expression);

    /**
     * Evaluates a bare Jinja2 expression to its value ({@code var:} of debug).
     * Throws {@link ModuleFailure} when a variable in it is undefined.
     */
    Object evaluate(String expression);

    /** The playbook's directory: where a relative controller path (fetch's dest) is, as Ansible's path_dwim. */
    default Path playbookDir() {
        return Path.of("").toAbsolutePath();
    }

    /**
     * async_status: the state of an async job this run started on this host (its result once finished,
     * with "finished": 1), or null when no such job exists.
     */
    default Map<String, Object> asyncJobStatus(String jobId) {
        return null;
    }
}
