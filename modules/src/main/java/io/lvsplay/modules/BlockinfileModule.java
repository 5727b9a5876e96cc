package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import io.lvsplay.engine.module.Probe;
import io.lvsplay.modules.FileContentPlanner.DesiredFile;
import io.lvsplay.modules.FileContentPlanner.ExistingFile;
import io.lvsplay.modules.support.Results;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Keeps a block of lines between two marker lines, inserted where asked, replaced in place later. */
public final class BlockinfileModule implements Module {
    private static final ArgSpec SPEC = UnsupportedArgs.fileCommon(ArgSpec.of())
            .required("path", Type.PATH)
            .alias("dest", "path").alias("destfile", "path").alias("name", "path")
            .choice("state", "present", "present", "absent")
            .arg("block", Type.STR, "").alias("content", "block")
            .arg("marker", Type.STR, "# {mark} ANSIBLE MANAGED BLOCK")
            .arg("marker_begin", Type.STR, "BEGIN")
            .arg("marker_end", Type.STR, "END")
            .arg("insertafter", Type.STR)
            .arg("insertbefore", Type.STR)
            .arg("create", Type.BOOL, false)
            .arg("backup", Type.BOOL, false)
            .arg("validate", Type.STR)
            .arg("mode", Type.RAW)
            .arg("owner", Type.STR)
            .arg("group", Type.STR)
            .mutuallyExclusive("insertbefore", "insertafter");

    @Override
    public String name() {
        return "blockinfile";
    }


    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public List<Probe> probes(ModuleArgs args) {
        return List.of(Probe.snapshot(args.str("path")));
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String path = args.str("path");
        ExistingFile existing = FileContentPlanner.readEditable(ctx.host(), path);
        boolean present = "present".equals(args.str("state"));
        if (!existing.exists()) {
            if (!present) {
                return Plan.unchanged(Results.of("msg", "File " + path + " does not exist, nothing to remove"));
            }
            if (!args.bool("create", false)) {
                throw new ModuleFailure("Path " + path + " does not exist !", Results.of("rc", 257));
            }
        }
        String marker = args.str("marker");
        String begin = marker.replace("{mark}", args.str("marker_begin"));
        String end = marker.replace("{mark}", args.str("marker_end"));
        List<String> lines = edit(TextLines.split(existing.text()), begin, end,
                present ? args.str("block") : "", args.str("insertafter"), args.str("insertbefore"));
        String after = TextLines.join(lines);
        List<Change> changes = new ArrayList<>();
        if (!existing.exists()) {
            ParentDirectory.ensure(ctx.host(), path).ifPresent(changes::add);
        }
        changes.addAll(FileContentPlanner.plan(existing, new DesiredFile(path, after.getBytes(StandardCharsets.UTF_8),
                FileAttributes.from(args), args.bool("backup", false), args.str("validate"))));
        String msg = after.equals(existing.text()) ? "" : !existing.exists() ? "File created"
                : present && !args.str("block").isEmpty() ? "Block inserted" : "Block removed";
        return Plan.changes(changes, Results.of("msg", msg));
    }

    /** The file's lines with the marked block replaced by {@code block} (empty block: removed). Pure. */
    static List<String> edit(List<String> original, String begin, String end, String block,
                             String insertAfter, String insertBefore) {
        List<String> lines = new ArrayList<>(original);
        List<String> blockLines = new ArrayList<>();
        if (!block.isEmpty()) {
            blockLines.add(begin + "\n");
            // as Ansible: the block's own line endings (dos ones too) are kept; a final newline is added
            blockLines.addAll(TextLines.split(block.endsWith("\n") ? block : block + "\n"));
            blockLines.add(end + "\n");
        }
        Integer n0 = null;
        Integer n1 = null;
        for (int i = 0; i < lines.size(); i++) {
            String bare = TextLines.stripEnding(lines.get(i));
            if (bare.equals(begin)) {
                n0 = i;
            }
            if (bare.equals(end)) {
                n1 = i;
            }
        }
        int at;
        if (n0 == null || n1 == null) {
            at = insertionPoint(lines, insertAfter, insertBefore);
        } else if (n0 < n1) {
            lines.subList(n0, n1 + 1).clear();
            at = n0;
        } else {
            lines.subList(n1, n0 + 1).clear();
            at = n1;
        }
        if (at > 0 && !blockLines.isEmpty() && !TextLines.endsWithNewline(lines.get(at - 1))) {
            lines.set(at - 1, lines.get(at - 1) + "\n");
        }
        lines.addAll(at, blockLines);
        return lines;
    }

    /* Ansible: the last line matching the regex (after it for insertafter), else the end; BOF is 0. */
    private static int insertionPoint(List<String> lines, String insertAfter, String insertBefore) {
        String anchor = insertAfter != null && !"EOF".equals(insertAfter) ? insertAfter
                : insertBefore != null && !"BOF".equals(insertBefore) ? insertBefore : null;
        if (anchor == null) {
            return "BOF".equals(insertBefore) ? 0 : lines.size();
        }
        Pattern re = PythonRegex.compile(anchor, insertAfter != null ? "insertafter" : "insertbefore");
        Integer found = null;
        boolean multiline = Pattern.compile("^\\(\\?[a-zA-Z]*m[a-zA-Z]*\\)").matcher(anchor).find();
        if (multiline) {
            // a MULTILINE regex is searched in the whole text, and the line is counted from the match
            String original = String.join("", lines);
            java.util.regex.Matcher m = re.matcher(original);
            if (m.find()) {
                found = (int) original.substring(0, insertAfter != null ? m.end() : m.start()).chars()
                        .filter(c -> c == '\n').count();
            }
        }
        for (int i = 0; !multiline && i < lines.size(); i++) {
            if (re.matcher(lines.get(i)).find()) {
                found = i;
            }
        }
        if (found == null) {
            return lines.size();
        }
        return insertAfter != null ? found + 1 : found;
    }
}
