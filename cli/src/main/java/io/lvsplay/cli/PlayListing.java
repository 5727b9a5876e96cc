package io.lvsplay.cli;

import io.lvsplay.engine.exec.PlaybookRunner;
import io.lvsplay.engine.exec.TaskFilter;
import io.lvsplay.engine.playbook.Block;
import io.lvsplay.engine.playbook.IncludeTasks;
import io.lvsplay.engine.playbook.Play;
import io.lvsplay.engine.playbook.Playbook;
import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.playbook.TaskItem;
import io.lvsplay.engine.template.Templar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * --list-hosts / --list-tasks / --list-tags, in ansible-playbook's layout (cli/playbook.py): the
 * tasks --tags/--skip-tags select, each with its sorted tags (the play's, blocks', roles' and its
 * own, templated with the play's variables), and the play's tags in its header.
 */
record PlayListing(boolean hosts, boolean tasks, boolean tags, TaskFilter filter, Templar templar,
                   Map<String, Object> extraVars) {

    /** {@code written}: the playbook paths as given on the command line, which ansible-playbook prints. */
    void print(List<Playbook> loaded, List<java.nio.file.Path> written, PlaybookRunner runner) {
        for (int i = 0; i < loaded.size(); i++) {
            Playbook p = loaded.get(i);
            System.out.println("\nplaybook: " + (i < written.size() ? written.get(i) : p.file()));
            int n = 1;
            for (Play play : p.plays()) {
                Map<String, Object> vars = new LinkedHashMap<>(play.vars());
                vars.putAll(play.varsFromFiles());
                vars.putAll(extraVars);
                Set<String> playTags = templated(play.options().tags(), vars, play);
                StringBuilder out = new StringBuilder("\n  play #" + n++ + " (" + play.hosts() + "): " + play.title()
                        + "\tTAGS: [" + String.join(",", playTags) + "]");
                if (hosts) {
                    List<String> names = runner.hostsOf(play);
                    out.append("\n    pattern: ['").append(play.hosts()).append("']");
                    out.append("\n    hosts (").append(names.size()).append("):");
                    names.forEach(h -> out.append("\n      ").append(h));
                }
                System.out.println(out);
                if (tasks || tags) {
                    StringBuilder list = new StringBuilder(tasks ? "    tasks:\n" : "");
                    Set<String> allTags = new TreeSet<>(playTags);
                    for (List<TaskItem> section : List.of(play.preTasks(), play.tasks(), play.postTasks())) {
                        list(section, new ArrayList<>(play.options().tags()), vars, play, list, allTags);
                    }
                    if (tags) {
                        list.append("      TASK TAGS: [").append(String.join(", ", allTags)).append("]\n");
                    }
                    System.out.print(list.length() == 0 || list.charAt(list.length() - 1) != '\n' ? list + "\n" : list);
                }
            }
        }
    }

    private void list(List<TaskItem> items, List<String> inherited, Map<String, Object> vars, Play play,
                      StringBuilder out, Set<String> allTags) {
        for (TaskItem item : items) {
            List<String> raw = new ArrayList<>(inherited);
            raw.addAll(item.tags());
            if (item instanceof Block b) {
                list(b.block(), raw, vars, play, out, allTags);
                list(b.rescue(), raw, vars, play, out, allTags);
                list(b.always(), raw, vars, play, out, allTags);
                continue;
            }
            Set<String> effective = templated(raw, vars, play);
            if (!filter.runs(effective)) {
                continue;
            }
            allTags.addAll(effective);
            if (tasks) {
                out.append("      ").append(name(item)).append("\tTAGS: [")
                        .append(String.join(", ", new TreeSet<>(effective))).append("]\n");
            }
        }
    }

    private static String name(TaskItem item) {
        if (item instanceof Task t) {
            return t.role() != null ? t.role().name() + " : " + t.title() : t.title();
        }
        IncludeTasks inc = (IncludeTasks) item;
        String title = inc.options().name() != null ? inc.options().name() : "include_tasks";
        return inc.role() != null ? inc.role().name() + " : " + title : title;
    }

    private Set<String> templated(List<String> raw, Map<String, Object> vars, Play play) {
        return TaskFilter.templated(raw, tag -> templar.template(tag, vars, play.location() + " (tags)"));
    }
}
