package io.lvsplay.engine.exec;

import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.playbook.FileSearch;
import io.lvsplay.engine.playbook.Role;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.template.Templar;
import io.lvsplay.engine.template.TemplateError;
import io.lvsplay.engine.template.TemplateOptions;
import io.lvsplay.engine.template.TemplateVars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The executor's side of {@link ModuleContext}: what a module may see while planning on one host. */
final class ExecModuleContext implements ModuleContext {
    private final RemoteHost host;
    private final String hostName;
    private final Map<String, Object> vars;
    private final boolean check;
    private final boolean diff;
    private final Templar templar;
    private final Role role;
    private final Path playbookDir;
    private final Path taskDir;
    private final AsyncJobs jobs;
    private final java.util.function.Consumer<byte[]> fileContents;

    ExecModuleContext(RemoteHost host, String hostName, Map<String, Object> vars, boolean check, boolean diff,
                      Templar templar, Role role, Path playbookDir, Path taskDir, AsyncJobs jobs,
                      java.util.function.Consumer<byte[]> fileContents) {
        this.host = host;
        this.hostName = hostName;
        this.vars = vars;
        this.check = check;
        this.diff = diff;
        this.templar = templar;
        this.role = role;
        this.playbookDir = playbookDir;
        this.taskDir = taskDir;
        this.jobs = jobs;
        this.fileContents = fileContents;
    }

    @Override
    public void fileContent(byte[] content) {
        fileContents.accept(content);
    }

    @Override
    public Map<String, Object> asyncJobStatus(String jobId) {
        return jobs.status(hostName, jobId);
    }

    @Override
    public RemoteHost host() {
        return host;
    }

    Role role() {
        return role;
    }

    @Override
    public Path playbookDir() {
        return playbookDir;
    }

    Path taskDir() {
        return taskDir;
    }

    @Override
    public String hostName() {
        return hostName;
    }

    @Override
    public Map<String, Object> vars() {
        return vars;
    }

    @Override
    public boolean checkMode() {
        return check;
    }

    @Override
    public boolean diffMode() {
        return diff;
    }

    @Override
    public Path findFile(String name, String kind) {
        Path given = Path.of(name);
        if (given.isAbsolute()) {
            if (Files.exists(given)) {
                return given;
            }
            throw new ModuleFailure("could not find " + name + " on the controller");
        }
        List<Path> candidates = candidates(name, kind);
        for (Path candidate : candidates) {
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new ModuleFailure("could not find or access '" + name + "'; searched: " + candidates);
    }

    private List<Path> candidates(String name, String kind) {
        return FileSearch.candidates(role, playbookDir, taskDir, name, kind);
    }

    @Override
    public String renderTemplate(Path template) {
        String text;
        try {
            text = Files.readString(template);
        } catch (IOException e) {
            throw new ModuleFailure("cannot read template " + template + ": " + e.getMessage());
        }
        try {
            return templar.render(text, vars, displayName(template));
        } catch (TemplateError e) {
            throw new ModuleFailure(e.getMessage());
        }
    }

    @Override
    public String renderTemplate(Path template, String src, String dest, TemplateOptions options) {
        String text;
        try {
            text = Files.readString(template);
        } catch (IOException e) {
            throw new ModuleFailure("cannot read template " + template + ": " + e.getMessage());
        }
        Map<String, Object> withTemplateVars = new java.util.LinkedHashMap<>(vars);
        withTemplateVars.putAll(TemplateVars.of(template, src, dest));
        try {
            return templar.render(text, withTemplateVars, displayName(template), options);
        } catch (TemplateError e) {
            throw new ModuleFailure(e.getMessage());
        }
    }

    private String displayName(Path template) {
        Path base = playbookDir.getParent() != null ? playbookDir.getParent() : playbookDir;
        return template.startsWith(base) ? base.relativize(template).toString() : template.toString();
    }

    @Override
    public boolean evaluateCondition(String expression) {
        try {
            return templar.evaluateCondition(expression, vars, "condition");
        } catch (TemplateError e) {
            throw new ModuleFailure(e.getMessage());
        }
    }

    @Override
    public Object evaluate(String expression) {
        try {
            return templar.evaluate(expression, vars, "expression");
        } catch (TemplateError e) {
            throw new ModuleFailure(e.getMessage());
        }
    }
}
