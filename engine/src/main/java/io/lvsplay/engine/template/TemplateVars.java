package io.lvsplay.engine.template;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables Ansible's template action adds for the template it renders
 * (generate_ansible_template_vars): template_host, template_path (src as written),
 * template_fullpath, template_mtime, template_uid, template_run_date, template_destpath, and
 * ansible_managed ("Ansible managed", Ansible's default).
 */
public final class TemplateVars {
    /** How Python prints a datetime: str(datetime.now()). */
    private static final DateTimeFormatter PYTHON_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private TemplateVars() {}

    public static Map<String, Object> of(Path template, String src, String dest) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("template_host", hostName());
        vars.put("template_path", src);
        vars.put("template_fullpath", template.toAbsolutePath().normalize().toString());
        vars.put("template_mtime", mtime(template));
        vars.put("template_uid", owner(template));
        vars.put("template_run_date", LocalDateTime.now().format(PYTHON_DATETIME));
        vars.put("template_destpath", dest);
        vars.put("ansible_managed", "Ansible managed");
        return vars;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static String mtime(Path template) {
        try {
            return LocalDateTime.ofInstant(Files.getLastModifiedTime(template).toInstant(), ZoneId.systemDefault())
                    .format(PYTHON_DATETIME);
        } catch (IOException e) {
            return "";
        }
    }

    private static String owner(Path template) {
        try {
            return Files.getOwner(template).getName();
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }
}
