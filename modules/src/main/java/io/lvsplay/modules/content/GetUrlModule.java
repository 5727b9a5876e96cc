package io.lvsplay.modules.content;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Diff;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.remote.FileStat;
import io.lvsplay.engine.remote.RemoteHost;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.modules.ContentFiles;
import io.lvsplay.modules.support.HostPython;
import io.lvsplay.modules.support.Results;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ansible's get_url, downloaded by the host itself (python3's urllib, see {@link HttpDownload}).
 * Planning streams the body through its checksums without keeping it (after an If-Modified-Since
 * for an existing file, as Ansible asks), so the plan knows whether the file would change; the
 * change downloads again into a temp file beside the destination and renames it. With a checksum
 * and an existing file that matches, nothing is requested at all.
 */
public final class GetUrlModule implements Module {
    static final Set<String> ALGORITHMS = Set.of("md5", "sha1", "sha224", "sha256", "sha384", "sha512");
    private static final ArgSpec SPEC = ContentFiles.withFileArgs(ArgSpec.of())
            .required("url", Type.STR)
            .required("dest", Type.PATH)
            .arg("backup", Type.BOOL, false)
            .arg("checksum", Type.STR, "")
            .arg("force", Type.BOOL, false)
            .arg("timeout", Type.INT, 10)
            .arg("headers", Type.DICT)
            .arg("http_agent", Type.STR, "ansible-httpget")
            .arg("use_proxy", Type.BOOL, true)
            .arg("validate_certs", Type.BOOL, true)
            .arg("url_username", Type.STR).aliases("username")
            .secret("url_password").aliases("password")
            .arg("force_basic_auth", Type.BOOL, false)
            .arg("decompress", Type.BOOL, true)
            .notSupported("tmp_dest", "client_cert", "client_key", "use_gssapi", "unredirected_headers", "ciphers")
            .notSupportedBecause("use_netrc", "lvsplay never reads ~/.netrc");

    @Override
    public String name() {
        return "get_url";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        RemoteHost host = ctx.host();
        String url = args.str("url");
        String dest = args.str("dest");
        boolean force = args.bool("force", false);
        Map<String, Object> result = Results.of("dest", dest, "url", url, "elapsed", 0);
        Checksum checksum = Checksum.parse(args.str("checksum"), url, text -> fetchText(host, args, text));
        FileStat stat = host.stat(dest);
        boolean destIsDir = stat.isDirectory();
        Long since = null;
        if (!destIsDir && stat.exists()) {
            if (!force && checksum != null) {
                if (checksum.value().equals(digest(host, checksum.algorithm(), dest))) {
                    return attributesOnly(args, stat, result, "file already exists");
                }
                force = true;
            }
            since = Long.parseLong(query(host, "stat -L -c %Y -- " + ShellQuote.quote(dest)).strip());
        }
        Map<String, Object> probe = HostPython.query(host, HttpDownload.PROGRAM,
                request(args, url, force, since, checksum, "probe", dest));
        int status = ((Number) probe.get("status")).intValue();
        if (status == 304) {
            return Plan.unchanged(Results.of("url", url, "dest", dest, "msg", probe.get("msg"), "status_code", 304, "elapsed", 0));
        }
        if (status == -1) {
            throw new ModuleFailure(String.valueOf(probe.get("msg")), Results.of("url", url, "dest", dest, "elapsed", 0));
        }
        if (status != 200 && !url.startsWith("file:/")) {
            throw new ModuleFailure("Request failed", Results.of("status_code", status, "response", probe.get("msg"),
                    "url", url, "dest", dest, "elapsed", 0));
        }
        if (destIsDir) {
            dest = dest.replaceAll("/+$", "") + "/" + fileName(probe);
            result.put("dest", dest);
            stat = host.stat(dest);
        }
        @SuppressWarnings("unchecked")
        Map<String, String> digests = (Map<String, String>) probe.get("digests");
        String sha1 = digests.get("sha1");
        result.put("checksum_src", sha1);
        String parent = dest.contains("/") ? dest.substring(0, Math.max(1, dest.lastIndexOf('/'))) : ".";
        String destSha1 = null;
        if (stat.exists()) {
            destSha1 = digest(host, "sha1", dest);
            result.put("checksum_dest", destSha1);
        } else if (!host.stat(parent).isDirectory()) {
            throw new ModuleFailure("Destination " + parent + " does not exist", result);
        }
        if (checksum != null && !checksum.value().equals(digests.get(checksum.algorithm()))) {
            throw new ModuleFailure("The checksum for " + dest + " did not match " + checksum.value() + "; it was "
                    + digests.get(checksum.algorithm()) + ".", result);
        }
        result.put("msg", probe.get("msg"));
        result.put("status_code", status);
        result.put("size", ((Number) probe.get("size")).longValue());
        result.put("md5sum", digests.get("md5"));
        if (sha1.equals(destSha1)) {
            return attributesOnly(args, stat, result, String.valueOf(probe.get("msg"))).withResult(Map.of("status_code", status));
        }
        Map<String, Object> fetch = request(args, url, true, null, checksum, "fetch", dest);
        fetch.put("backup", args.bool("backup", false));
        fetch.put("owner", args.str("owner"));
        fetch.put("group", args.str("group"));
        fetch.put("file_mode", ContentFiles.modeFor(args, stat));
        String finalDest = dest;
        Change download = Change.named((stat.exists() ? "replace " : "download ") + dest + " from " + url,
                        Diff.of(dest, stat.exists() ? "sha1: " + destSha1 + "\n" : "",
                                "sha1: " + sha1 + "\nsize: " + probe.get("size") + "\n"))
                .then(HostPython.command(HttpDownload.PROGRAM, fetch), (r, h) -> {
                    Map<String, Object> answer = HostPython.answer(r, h);
                    if (answer.containsKey("error")) {
                        throw new ModuleFailure(String.valueOf(answer.get("error")), Results.of("dest", finalDest, "url", url));
                    }
                    if (((Number) answer.get("status")).intValue() == -1) {
                        throw new ModuleFailure(String.valueOf(answer.get("msg")), Results.of("dest", finalDest, "url", url));
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, String> got = (Map<String, String>) answer.get("digests");
                    return Results.of("checksum_src", got.get("sha1"), "md5sum", got.get("md5"), "size", answer.get("size"),
                            "backup_file", answer.get("backup_file"));
                });
        return Plan.changes(List.of(download), result);
    }

    /* The file is there with the right checksum: at most its mode/owner/group change. */
    private static Plan attributesOnly(ModuleArgs args, FileStat stat, Map<String, Object> result, String msg) {
        Optional<Change> attrs = ContentFiles.attributes(args, stat);
        Map<String, Object> fields = new LinkedHashMap<>(result);
        fields.put("msg", attrs.isPresent() && msg.equals("file already exists") ? "file already exists but file attributes changed" : msg);
        return Plan.changes(attrs.map(List::of).orElse(List.of()), fields);
    }

    /* Ansible's url_get arguments, as the helper program reads them. */
    private static Map<String, Object> request(ModuleArgs args, String url, boolean force, Long since, Checksum checksum,
                                               String mode, String dest) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("mode", mode);
        a.put("url", url);
        a.put("dest", dest);
        a.put("force", force);
        a.put("since", since);
        a.put("timeout", args.integer("timeout", 10));
        a.put("headers", args.raw("headers") == null ? Map.of() : args.raw("headers"));
        a.put("http_agent", args.str("http_agent"));
        a.put("use_proxy", args.bool("use_proxy", true));
        a.put("validate_certs", args.bool("validate_certs", true));
        a.put("username", args.str("url_username"));
        a.put("password", args.str("url_password"));
        a.put("force_basic_auth", args.bool("force_basic_auth", false));
        a.put("algorithm", checksum == null ? null : checksum.algorithm());
        a.put("checksum", checksum == null ? null : checksum.value());
        return a;
    }

    private static String fetchText(RemoteHost host, ModuleArgs args, String url) {
        Map<String, Object> answer = HostPython.query(host, HttpDownload.PROGRAM, request(args, url, true, null, null, "text", ""));
        int status = ((Number) answer.get("status")).intValue();
        if (status != 200 && !url.startsWith("file:/")) {
            throw new ModuleFailure(status == -1 ? String.valueOf(answer.get("msg")) : "Request failed",
                    Results.of("status_code", status, "response", answer.get("msg"), "url", url));
        }
        return String.valueOf(answer.get("text"));
    }

    /* The name Ansible gives a file downloaded into a directory: Content-Disposition's, else the URL's last part. */
    static String fileName(Map<String, Object> probe) {
        Object disposition = probe.get("disposition");
        if (disposition != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("attachment; ?filename=\"?([^\"]+)").matcher(disposition.toString());
            if (m.lookingAt()) {
                String name = m.group(1);
                return name.substring(name.lastIndexOf('/') + 1);
            }
        }
        return Checksum.urlFileName(String.valueOf(probe.get("url")));
    }

    private static String digest(RemoteHost host, String algorithm, String path) {
        return query(host, algorithm + "sum -- " + ShellQuote.quote(path)).split("\\s", 2)[0];
    }

    private static String query(RemoteHost host, String command) {
        return io.lvsplay.modules.support.HostCommand.query(host, command, "read the destination");
    }

    /** {@code checksum: ALGO:HEX} or {@code ALGO:URL} (a checksum file, as sha256sum prints it). */
    record Checksum(String algorithm, String value) {
        static Checksum parse(String given, String url, java.util.function.Function<String, String> fetch) {
            if (given == null || given.isEmpty()) {
                return null;
            }
            int colon = given.indexOf(':');
            if (colon < 0) {
                throw new ModuleFailure("The checksum parameter has to be in format <algorithm>:<checksum>");
            }
            String algorithm = given.substring(0, colon);
            String value = given.substring(colon + 1);
            if (!ALGORITHMS.contains(algorithm)) {
                throw new ModuleFailure("Could not hash file with algorithm " + algorithm
                        + ". Available algorithms: md5, sha1, sha224, sha256, sha384, sha512");
            }
            if (value.matches("(?i)(https?|ftp|file):.*")) {
                value = fromFile(fetch.apply(value), urlFileName(url));
                if (value == null) {
                    throw new ModuleFailure("Unable to find a checksum for file '" + urlFileName(url) + "' in '"
                            + given.substring(colon + 1) + "'");
                }
            }
            value = value.replaceAll("\\W+", "").toLowerCase(java.util.Locale.ROOT);
            if (value.isEmpty() || !value.matches("[0-9a-f]+")) {
                throw new ModuleFailure("The checksum format is invalid");
            }
            return new Checksum(algorithm, value);
        }

        /* Ansible's reading of a checksum file: one bare hash, or "HASH  NAME" lines ('*' or ' ' before NAME, no './'). */
        static String fromFile(String text, String fileName) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            if (lines.size() == 1 && lines.get(0).strip().split("\\s+").length == 1) {
                return lines.get(0);
            }
            for (String line : lines) {
                int space = line.indexOf(' ');
                if (space < 0) {
                    continue;
                }
                String name = line.substring(space + 1);
                if (name.startsWith(" ") || name.startsWith("*")) {
                    name = name.substring(1);
                }
                if (name.replaceAll("^[./]+", "").equals(fileName)) {
                    return line.substring(0, space);
                }
            }
            return null;
        }

        static String urlFileName(String url) {
            String path = java.net.URI.create(url.replace(" ", "%20")).getRawPath();
            path = path == null ? "" : path;
            String name = path.substring(path.lastIndexOf('/') + 1);
            return name.isEmpty() ? "index.html" : name;
        }
    }
}
