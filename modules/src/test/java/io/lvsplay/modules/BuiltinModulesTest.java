package io.lvsplay.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.Module;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuiltinModulesTest {
    @Test
    void everyNameAndAliasIsUnique() {
        Set<String> seen = new HashSet<>();
        for (Module m : BuiltinModules.all()) {
            assertTrue(seen.add(m.name()), m.name());
            for (String alias : m.aliases()) {
                assertTrue(seen.add(alias), alias);
            }
        }
    }

    @Test
    void everyModuleAnswersToItsAnsibleNames() {
        List<Module> all = BuiltinModules.all();
        io.lvsplay.engine.module.ModuleRegistry registry = new io.lvsplay.engine.module.ModuleRegistry(all);
        for (Module m : all) {
            for (String name : List.of(m.name(), "ansible.builtin." + m.name(), "ansible.legacy." + m.name())) {
                assertTrue(registry.find(name).orElse(null) == m, name);
            }
        }
    }

    @Test
    void sysctlAlsoAnswersToItsPosixCollectionName() {
        Module sysctl = BuiltinModules.all().stream().filter(m -> m.name().equals("sysctl")).findFirst().orElseThrow();
        assertTrue(sysctl.aliases().contains("ansible.posix.sysctl"));
    }

    @Test
    void theShippedModulesAreTheDocumentedOnes() {
        assertEquals(List.of("command", "shell", "copy", "template", "file", "lineinfile", "blockinfile", "sysctl",
                        "service", "package", "dnf", "yum", "pip", "stat", "uri", "wait_for", "assert", "fail", "debug",
                        "set_fact", "group_by", "add_host", "ping", "async_status", "apt", "package_facts", "systemd", "service_facts", "sysvinit", "modprobe", "hostname",
                        "iptables", "ini_file", "replace", "cron", "authorized_key", "getent", "raw", "tempfile", "find",
                        "seboolean", "selinux", "user", "group", "slurp", "script", "pause", "setup", "fetch", "assemble", "get_url", "unarchive", "known_hosts", "debconf", "mount"),
                BuiltinModules.all().stream().map(Module::name).toList());
    }
}
