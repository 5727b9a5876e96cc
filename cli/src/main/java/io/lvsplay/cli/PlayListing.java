package io.lvsplay.cli;

import io.lvsplay.engine.exec.PlaybookRunner;
import io.lvsplay.engine.playbook.Block;
import io.lvsplay.engine.playbook.IncludeTasks;
import io.lvsplay.engine.playbook.Play;
import io.lvsplay.engine.playbook.Playbook;
import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.playbook.TaskItem;
import java.util.List;

/** --list-hosts / --list-tasks, in ansible-playbook's layout. */
record PlayListing(boolean hosts, boolean tasks) {

    void print(List<Playbook> loaded, PlaybookRunner runner) {
        for (Playbook p : loaded) {
            System.out.println("\nplaybook: " + p.file());
            int n = 1;
            for (Play play : p.plays()) {
                System.out.println("\n  play #" + n++ + " (" + play.hosts() + "): " + play.title());
                if (hosts) {
                    List<String> names = runner.hostsOf(play);
                    System.out.println("    pattern: ['" + play.hosts() + "']");
                    System.out.println("    hosts (" + names.size() + "):");
                    names.forEach(h -> System.out.println("      " + h));
                }
                if (tasks) {
                    System.out.println("    tasks:");
                    printTasks(play.preTasks(), "      ");
                    printTasks(play.tasks(), "      ");
                    printTasks(play.postTasks(), "      ");
                }
            }
        }
    }

    private static void printTasks(List<TaskItem> items, String indent) {
        for (TaskItem item : items) {
            if (item instanceof Task t) {
                String prefix = t.role() != null ? t.role().name() + " : " : "";
                System.out.println(indent + prefix + t.title() + (t.tags().isEmpty() ? "" : "\tTAGS: " + t.tags()));
            } else if (item instanceof Block b) {
                printTasks(b.block(), indent);
                printTasks(b.rescue(), indent);
                printTasks(b.always(), indent);
            } else if (item instanceof IncludeTasks inc) {
                System.out.println(indent + "include_tasks: " + inc.file());
            }
        }
    }
}
