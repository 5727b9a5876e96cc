package io.lvsplay.engine.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An executable inventory (Ansible's script plugin): "SCRIPT --list" prints groups as JSON, either
 * a list of hosts or {hosts, vars, children}; host vars come from _meta.hostvars, or from
 * "SCRIPT --host NAME" for each host when the script gives no _meta.
 */
final class InventoryScript {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InventoryScript() {
    }

    /** An executable file that starts with "#!" (an INI file with an executable bit is still INI). */
    static boolean isScript(Path file) {
        if (!Files.isExecutable(file)) {
            return false;
        }
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == '#' && head[1] == '!';
        } catch (IOException e) {
            return false;
        }
    }

    static void load(InventoryModel model, Path script) {
        Map<String, Object> list = asMap(script, run(script, "--list"), "--list");
        Object meta = list.remove("_meta");
        for (Map.Entry<String, Object> entry : list.entrySet()) {
            group(model, script, entry.getKey(), entry.getValue());
        }
        for (Map.Entry<String, Object> entry : list.entrySet()) {
            if (entry.getValue() instanceof Map<?, ?> body && body.get("children") instanceof List<?> children) {
                children.forEach(c -> {
                    model.group(String.valueOf(c));
                    model.addChild(entry.getKey(), String.valueOf(c), script.toString(), 0);
                });
            }
        }
        Map<?, ?> hostvars = meta instanceof Map<?, ?> m && m.get("hostvars") instanceof Map<?, ?> hv ? hv : null;
        for (String host : new ArrayList<>(model.hosts.keySet())) {
            Object vars = hostvars != null ? hostvars.get(host) : asMap(script, run(script, "--host", host), "--host " + host);
            if (vars instanceof Map<?, ?> v) {
                v.forEach((k, value) -> model.setHostVar(host, String.valueOf(k), value, script.toString(), 0));
            }
        }
    }

    private static void group(InventoryModel model, Path script, String name, Object body) {
        model.group(name);
        List<?> hosts = body instanceof List<?> l ? l : body instanceof Map<?, ?> m && m.get("hosts") instanceof List<?> h ? h : List.of();
        for (Object host : hosts) {
            model.addHost(String.valueOf(host), name, null);
        }
        if (body instanceof Map<?, ?> m && m.get("vars") instanceof Map<?, ?> vars) {
            vars.forEach((k, v) -> model.setGroupVar(name, String.valueOf(k), v, script.toString(), 0));
        } else if (!(body instanceof List<?>) && !(body instanceof Map<?, ?>)) {
            throw new InventoryError(script.toString(), 0, "inventory script --list: group '" + name
                    + "' must be a list of hosts or a mapping with hosts/vars/children");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Path script, String json, String args) {
        try {
            Object parsed = JSON.readValue(json, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                return new java.util.LinkedHashMap<>((Map<String, Object>) map);
            }
        } catch (JsonProcessingException e) {
            throw new InventoryError(script.toString(), 0, "inventory script " + args + " did not print JSON: "
                    + e.getOriginalMessage());
        }
        throw new InventoryError(script.toString(), 0, "inventory script " + args + " must print a JSON object");
    }

    private static String run(Path script, String... args) {
        List<String> command = new ArrayList<>(List.of(script.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        try {
            Path err = Files.createTempFile("lvsplay-inventory", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new InventoryError(script.toString(), 0, "inventory script " + String.join(" ", args) + " did not finish within 60 s");
                }
                if (p.exitValue() != 0) {
                    throw new InventoryError(script.toString(), 0, "inventory script " + String.join(" ", args) + " failed with exit code "
                            + p.exitValue() + ": " + Files.readString(err).strip());
                }
                return out;
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new InventoryError(script.toString(), 0, "cannot run inventory script: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InventoryError(script.toString(), 0, "interrupted while running the inventory script");
        }
    }
}
