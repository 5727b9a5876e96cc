package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.module.RemoteCommand;
import io.lvsplay.engine.remote.ShellQuote;
import io.lvsplay.engine.transport.ExecResult;
import io.lvsplay.modules.support.Results;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;

/**
 * An HTTP request made from the host itself (so it sees what the host sees: a VIP, a real
 * server on a private network), with curl, or python3 when the host has no curl.
 * The task is never "changed" (as in Ansible). GET and HEAD are reads, made while planning; any other
 * method is a plan effect the executor sends, so planning and --check never send it.
 */
public final class UriModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of()
            .required("url", Type.STR)
            .arg("method", Type.STR, "GET")
            .arg("status_code", Type.LIST, List.of(200))
            .arg("return_content", Type.BOOL, false)
            .arg("body", Type.RAW)
            .choice("body_format", "raw", "raw", "json", "form-urlencoded")
            .arg("headers", Type.DICT)
            .arg("timeout", Type.INT, 30)
            .arg("validate_certs", Type.BOOL, true)
            .arg("follow_redirects", Type.STR, "safe");

    /* The fallback client: argv is method, url, timeout, validate (1/0), follow (1/0), headers JSON. */
    private static final String PYTHON_CLIENT = String.join("\n",
            "import sys, ssl, json, urllib.request, urllib.error",
            "m, u, t, v, f, h = sys.argv[1:7]",
            "data = sys.stdin.buffer.read() or None",
            "class NoRedirect(urllib.request.HTTPRedirectHandler):",
            "    def redirect_request(self, *a, **k): return None",
            "ctx = None if v == '1' else ssl._create_unverified_context()",
            "handlers = [urllib.request.HTTPSHandler(context=ctx)] + ([] if f == '1' else [NoRedirect()])",
            "opener = urllib.request.build_opener(*handlers)",
            "req = urllib.request.Request(u, data=data, method=m, headers=json.loads(h))",
            "try:",
            "    r = opener.open(req, timeout=float(t)); code, body = r.status, r.read()",
            "except urllib.error.HTTPError as e:",
            "    code, body = e.code, e.read()",
            "except Exception as e:",
            "    sys.stderr.write(str(e)); sys.stdout.write('\\n000'); sys.exit(7)",
            "sys.stdout.buffer.write(body + b'\\n' + str(code).encode())");

    @Override
    public String name() {
        return "uri";
    }


    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String url = args.str("url");
        String method = args.str("method").toUpperCase();
        boolean safeMethod = method.equals("GET") || method.equals("HEAD");
        if (ctx.checkMode() && !safeMethod) {
            return Plan.unchanged(Results.of("msg", "not sending " + method + " " + url + " in check mode"))
                    .skippedInCheckMode();
        }
        List<Integer> expected = args.list("status_code").stream()
                .map(s -> Integer.parseInt(String.valueOf(s).trim())).toList();
        Map<String, Object> headers = new LinkedHashMap<>(args.dict("headers"));
        byte[] body = body(args, headers);
        String follow = args.str("follow_redirects");
        boolean followRedirects = follow.equals("all") || follow.equals("yes") || follow.equals("true")
                || (follow.equals("safe") && safeMethod);
        String command = command(url, method, args.integer("timeout", 30), args.bool("validate_certs", true),
                followRedirects, headers, body.length > 0);
        boolean returnContent = args.bool("return_content", false);
        if (safeMethod) {
            // a read: made while planning, so a GET answers in --check too
            return Plan.unchanged(response(ctx.host().run(command, body), url, expected, returnContent));
        }
        // a request that may change the server is sent by the executor, never while planning
        return Plan.unchanged().withEffect(Change.named("send " + method + " " + url)
                .then(RemoteCommand.of(command, body), (r, host) -> response(r, url, expected, returnContent)));
    }

    /* The result fields of a response; a status not in {@code expected} fails the task. */
    private static Map<String, Object> response(ExecResult r, String url, List<Integer> expected, boolean returnContent) {
        String out = r.stdout();
        int lastNewline = out.lastIndexOf('\n');
        String codeText = out.substring(lastNewline + 1).strip();
        String content = lastNewline < 0 ? "" : out.substring(0, lastNewline);
        int status = codeText.matches("\\d+") && !codeText.equals("000") ? Integer.parseInt(codeText) : -1;

        Map<String, Object> result = new LinkedHashMap<>(Results.of("url", url, "status", status));
        if (returnContent) {
            result.put("content", content);
            parseJson(content).ifPresent(json -> result.put("json", json));
        }
        if (!expected.contains(status)) {
            String why = status == -1 ? "Request failed: " + r.stderr().strip() : "HTTP Error " + status;
            result.put("msg", "Status code was " + status + " and not " + expected + ": " + why);
            throw new ModuleFailure((String) result.get("msg"), result);
        }
        result.put("msg", "OK (" + content.getBytes(StandardCharsets.UTF_8).length + " bytes)");
        return result;
    }

    private static byte[] body(ModuleArgs args, Map<String, Object> headers) {
        Object body = args.raw("body");
        if (body == null) {
            return new byte[0];
        }
        String text = switch (args.str("body_format")) {
            case "json" -> {
                headers.putIfAbsent("Content-Type", "application/json");
                yield body instanceof String s ? s : io.lvsplay.engine.output.JsonText.compact(body);
            }
            case "form-urlencoded" -> {
                headers.putIfAbsent("Content-Type", "application/x-www-form-urlencoded");
                yield body instanceof Map<?, ?> m ? m.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&")) : String.valueOf(body);
            }
            default -> String.valueOf(body);
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(Object value) {
        return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
    }

    private static String command(String url, String method, int timeout, boolean validateCerts, boolean follow,
                                  Map<String, Object> headers, boolean hasBody) {
        StringBuilder curl = new StringBuilder("curl -sS -o - -w '\\n%{http_code}' -X ")
                .append(ShellQuote.quote(method))
                .append(" --max-time ").append(timeout);
        if (!validateCerts) {
            curl.append(" -k");
        }
        if (follow) {
            curl.append(" -L");
        }
        headers.forEach((k, v) -> curl.append(" -H ").append(ShellQuote.quote(k + ": " + v)));
        if (hasBody) {
            curl.append(" --data-binary @-");
        }
        curl.append(" -- ").append(ShellQuote.quote(url));
        String python = "python3 -c " + ShellQuote.quote(PYTHON_CLIENT) + " " + ShellQuote.join(List.of(method, url,
                String.valueOf(timeout), validateCerts ? "1" : "0", follow ? "1" : "0", io.lvsplay.engine.output.JsonText.compact(headers)));
        return "if command -v curl >/dev/null 2>&1; then " + curl + "; else " + python + "; fi";
    }

    private static java.util.Optional<Object> parseJson(String content) {
        String t = content.strip();
        if (!(t.startsWith("{") || t.startsWith("["))) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.ofNullable(new Yaml().load(t));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
