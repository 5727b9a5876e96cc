package io.lvsplay.modules;

import static io.lvsplay.modules.TestHost.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserModuleTest {
    private static final String GROUPS = "root:x:0:\nusers:x:100:\nadm:x:4:alice\nsudo:x:27:\nalice:x:1001:\n";
    private static final UserFacts ALICE = UserFacts.parse("alice:x:1001:1001:Alice:/home/alice:/bin/bash\n",
            "$6$salt$hash\n", GROUPS);
    private static final UserFacts NOBODY = UserFacts.parse("", "", GROUPS);

    private static ModuleArgs userArgs(Object... kv) {
        return new ModuleArgs(args(kv), new UserModule().argSpec());
    }

    private static UserCommands commands(UserFacts facts, Object... kv) {
        return new UserCommands(userArgs(kv), facts);
    }

    @Test
    void aNewUserIsCreatedWithUseraddAndAHome() {
        assertEquals(List.of("useradd", "-u", "1234", "-s", "/bin/sh", "-m", "bob"),
                commands(NOBODY, "name", "bob", "uid", 1234, "shell", "/bin/sh").useradd());
        Plan plan = UserModule.plan(userArgs("name", "bob"), NOBODY);
        assertEquals(1, plan.changes().size());
        assertEquals("create user bob", plan.changes().get(0).description());
        assertEquals(true, plan.result().get("create_home"));
    }

    @Test
    void anExistingGroupNamedLikeTheUserIsNotCreatedAgain() {
        assertEquals(List.of("useradd", "-N", "-M", "-r", "alice"),
                commands(NOBODY, "name", "alice", "create_home", false, "system", true).useradd());
    }

    @Test
    void anAccountThatMatchesIsUnchanged() {
        Plan plan = UserModule.plan(userArgs("name", "alice", "shell", "/bin/bash", "groups", List.of("adm"),
                "password", "$6$salt$hash", "comment", "Alice"), ALICE);
        assertFalse(plan.changesSomething());
        assertEquals(1001, plan.result().get("uid"));
        assertEquals(UserModule.HIDDEN_PASSWORD, plan.result().get("password"));
    }

    @Test
    void onlyTheDifferencesAreModified() {
        assertEquals(List.of("usermod", "-G", "sudo", "-s", "/bin/sh", "alice"),
                commands(ALICE, "name", "alice", "groups", "sudo", "shell", "/bin/sh").usermod());
        assertEquals(List.of("usermod", "-a", "-G", "sudo", "alice"),
                commands(ALICE, "name", "alice", "groups", List.of("sudo"), "append", true).usermod());
        assertNull(commands(ALICE, "name", "alice", "groups", List.of("adm"), "append", true).usermod());
        assertEquals(List.of("usermod", "-G", "", "alice"), commands(ALICE, "name", "alice", "groups", "").usermod());
    }

    @Test
    void aPasswordHashGoesToChpasswdAndNeverIntoTheResultOrDescription() {
        Plan plan = UserModule.plan(userArgs("name", "alice", "password", "$6$new$secret"), ALICE);
        assertEquals(1, plan.changes().size());
        assertEquals("set the password of user alice", plan.changes().get(0).description());
        assertFalse(plan.result().toString().contains("secret"));
        assertNull(commands(ALICE, "name", "alice", "password", "$6$new$x", "update_password", "on_create")
                .newPasswordHash());
    }

    @Test
    void lockingPrefixesTheHash() {
        assertEquals(List.of("usermod", "-L", "alice"), commands(ALICE, "name", "alice", "password_lock", true).usermod());
        UserFacts locked = UserFacts.parse("alice:x:1001:1001::/home/alice:/bin/bash", "!$6$salt$hash", GROUPS);
        assertNull(commands(locked, "name", "alice", "password_lock", true).usermod());
        assertNull(commands(locked, "name", "alice", "password", "$6$salt$hash").newPasswordHash());
    }

    @Test
    void aMissingGroupFailsBeforeAnyChange() {
        ModuleFailure f = assertThrows(ModuleFailure.class,
                () -> UserModule.plan(userArgs("name", "bob", "groups", "nosuch"), NOBODY));
        assertEquals("Group nosuch does not exist", f.getMessage());
    }

    @Test
    void removalIsPlannedOnlyForAnExistingUser() {
        Plan plan = UserModule.plan(userArgs("name", "alice", "state", "absent", "remove", true, "force", true), ALICE);
        assertEquals("remove user alice", plan.changes().get(0).description());
        assertEquals(Map.of("name", "alice", "state", "absent", "force", true, "remove", true), plan.result());
        assertFalse(UserModule.plan(userArgs("name", "bob", "state", "absent"), NOBODY).changesSomething());
    }

    @Test
    void unimplementedArgumentsAreRefusedByName() {
        assertTrue(new UserModule().argSpec().notSupported().containsKey("expires"));
        assertTrue(new UserModule().argSpec().secretNames().contains("password"));
    }
}
