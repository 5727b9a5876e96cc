package io.lvsplay.modules.content;

import static io.lvsplay.modules.support.RecordedHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.lvsplay.engine.module.Plan;
import io.lvsplay.modules.support.RecordedHost;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ini_file's edits; every expected text is what Ansible 2.14's community.general.ini_file wrote. */
class IniFileModuleTest {
    private static final String BASE = "[main]\nkey1 = a\n# key2 = old\n\n[other]\nx=1\n";
    private final IniFileModule ini = new IniFileModule();

    private static String edit(Object... more) {
        RecordedHost host = new RecordedHost().file("/t.ini", BASE);
        Map<String, Object> a = args("path", "/t.ini");
        a.putAll(args(more));
        host.apply(host.plan(new IniFileModule(), a));
        return host.fileText("/t.ini");
    }

    @Test
    void aCommentedOutOptionIsActivatedWithTheValue() {
        assertEquals("[main]\nkey1 = a\nkey2 = new\n\n[other]\nx=1\n", edit("section", "main", "option", "key2", "value", "new"));
    }

    @Test
    void absentRemovesTheActiveOptionOnly() {
        assertEquals("[main]\n# key2 = old\n\n[other]\nx=1\n", edit("section", "main", "option", "key1", "state", "absent"));
    }

    @Test
    void aNewSectionIsAppendedWithItsOption() {
        assertEquals(BASE + "[newsec]\nk=v\n", edit("section", "newsec", "option", "k", "value", "v", "no_extra_spaces", true));
    }

    @Test
    void absentWithoutOptionDropsTheSection() {
        assertEquals("[main]\nkey1 = a\n# key2 = old\n\n", edit("section", "other", "state", "absent"));
    }

    @Test
    void valuesAreInsertedAfterTheLastActiveLine() {
        assertEquals("[main]\nkey1 = a\nmulti = a\nmulti = b\n# key2 = old\n\n[other]\nx=1\n",
                edit("section", "main", "option", "multi", "values", List.of("a", "b")));
    }

    @Test
    void anOptionWithoutSectionGoesBeforeTheFirstSection() {
        assertEquals("top = 1\n" + BASE, edit("option", "top", "value", "1"));
    }

    @Test
    void aSecondRunChangesNothing() {
        RecordedHost host = new RecordedHost().file("/t.ini", BASE);
        Map<String, Object> a = args("path", "/t.ini", "section", "main", "option", "key1", "value", "a");
        Plan plan = host.plan(ini, a);
        assertFalse(plan.changesSomething());
        assertEquals("OK", plan.result().get("msg"));
    }

    @Test
    void aMissingFileIsCreatedWithItsDirectory() {
        RecordedHost host = new RecordedHost();
        Plan plan = host.plan(ini, args("path", "/etc/app/app.ini", "section", "s", "option", "o", "value", "v"));
        assertEquals(List.of("create directory /etc/app", "create /etc/app/app.ini"),
                plan.changes().stream().map(c -> c.description()).toList());
        assertEquals("\n[s]\no = v\n", plan.changes().get(1).diff().after());
    }
}
