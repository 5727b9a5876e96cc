package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.Play;
import io.lvsplay.engine.playbook.PlayVarsFiles;
import io.lvsplay.engine.playbook.PlaybookLoader;
import io.lvsplay.engine.template.Templar;
import io.lvsplay.engine.template.TemplateError;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templated entries of a play's {@code vars_files} ({@code "vars/{{ ansible_os_family }}.yml"}),
 * chosen per host with the host's variables, as Ansible does. An entry whose template names an
 * undefined variable is skipped (Ansible only logs it); one whose files are all missing fails.
 */
final class RuntimeVarsFiles {
    private final Play play;
    private final Templar templar;
    private final List<Object> entries;
    private final Map<Path, Map<String, Object>> loaded = new ConcurrentHashMap<>();

    RuntimeVarsFiles(Play play, Templar templar) {
        this.play = play;
        this.templar = templar;
        this.entries = play.varsFiles().stream().filter(PlayVarsFiles::templated).toList();
    }

    boolean any() {
        return !entries.isEmpty() && templar != null;
    }

    /** Adds what the templated entries give on a host to {@code target}; {@code vars} templates them. */
    void putInto(Map<String, Object> target, Map<String, Object> vars) {
        for (Object entry : entries) {
            String source = play.location() + " (vars_files)";
            boolean undefined = false;
            Path found = null;
            for (String name : PlayVarsFiles.candidates(entry)) {
                String file;
                try {
                    file = String.valueOf(templar.template(name, vars, source));
                } catch (TemplateError e) {
                    undefined = true;
                    break;
                }
                found = PlayVarsFiles.find(file, play.baseDir());
                if (found != null) {
                    break;
                }
            }
            if (undefined) {
                continue;
            }
            if (found == null) {
                throw new TemplateError(source, play.location().line(), "vars file " + entry + " was not found");
            }
            Map<String, Object> fromFile = loaded.computeIfAbsent(found, PlaybookLoader::loadVarsFile);
            target.putAll(fromFile);
            vars.putAll(fromFile);
        }
    }
}
