package io.lvsplay.engine.exec;

import io.lvsplay.engine.playbook.LoopControl;
import io.lvsplay.engine.playbook.Task;
import io.lvsplay.engine.template.Templar;
import io.lvsplay.engine.template.TemplateError;
import java.util.List;
import java.util.Map;

/**
 * A task's loop_control pause / extended / extended_allitems for one host, templated when its loop
 * starts: Ansible sets ansible_loop only with {@code extended}, and sleeps {@code pause} seconds
 * before each item but the first.
 */
record LoopControlValues(double pauseSeconds, boolean extended, boolean allItems) {

    static LoopControlValues resolve(Task task, Templar templar, Map<String, Object> vars) {
        LoopControl c = task.loopControl() == null ? LoopControl.NONE : task.loopControl();
        String where = task.location() + " (loop_control)";
        Object pause = c.pause() == null ? 0 : templar.template(c.pause(), vars, where);
        Object extended = c.extended() == null ? false : templar.template(c.extended(), vars, where);
        Object allItems = c.extendedAllitems() == null ? true : templar.template(c.extendedAllitems(), vars, where);
        return new LoopControlValues(seconds(pause, where), FlagKeywords.strict("extended", extended, where),
                FlagKeywords.strict("extended_allitems", allItems, where));
    }

    private static double seconds(Object value, String where) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new TemplateError(where, 0, "the field 'pause' has an invalid value (" + value
                    + "), and could not be converted to an float.", false);
        }
    }

    void pause() {
        if (pauseSeconds <= 0) {
            return;
        }
        try {
            Thread.sleep((long) (pauseSeconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Map<String, Object> info(List<Object> items, int i) {
        Map<String, Object> loop = LoopDriver.loopInfo(items, i);
        if (!allItems) {
            loop.remove("allitems");
        }
        return loop;
    }
}
