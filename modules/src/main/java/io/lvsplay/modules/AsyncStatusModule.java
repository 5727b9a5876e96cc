package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;
import io.lvsplay.engine.module.ArgSpec.Type;
import io.lvsplay.engine.module.Change;
import io.lvsplay.engine.module.Module;
import io.lvsplay.engine.module.ModuleArgs;
import io.lvsplay.engine.module.ModuleContext;
import io.lvsplay.engine.module.ModuleFailure;
import io.lvsplay.engine.module.Plan;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * async_status: how an async job (async: N, poll: 0) of this run is doing on this host. Unfinished:
 * finished=0; finished: the job's own result (changed and failed as the job's), finished=1.
 */
public final class AsyncStatusModule implements Module {
    private static final ArgSpec SPEC = ArgSpec.of().required("jid", Type.STR).choice("mode", "status", "status",
            "cleanup");

    @Override
    public String name() {
        return "async_status";
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public Set<Trait> traits() {
        // the jobs live on the controller (lvsplay runs them from there), so no connection is needed
        return EnumSet.of(Trait.RUNS_ON_CONTROLLER, Trait.SUPPORTS_CHECK_MODE);
    }

    @Override
    public Plan plan(ModuleArgs args, ModuleContext ctx) {
        String jid = args.str("jid");
        Map<String, Object> status = ctx.asyncJobStatus(jid);
        if (status == null) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("ansible_job_id", jid);
            data.put("finished", 1);
            data.put("started", 1);
            throw new ModuleFailure("could not find job", data);
        }
        Map<String, Object> result = new LinkedHashMap<>(status);
        boolean changed = Boolean.TRUE.equals(result.remove("changed"));
        boolean failed = Boolean.TRUE.equals(result.remove("failed"));
        if (args.str("mode").equals("cleanup")) {
            return Plan.unchanged(Map.of("ansible_job_id", jid, "erased", jid));
        }
        if (failed) {
            Object msg = result.remove("msg");
            throw new ModuleFailure(msg == null ? "the async job failed" : String.valueOf(msg), result);
        }
        if (!changed) {
            return Plan.unchanged(result);
        }
        // the job changed the host: report it as the job did; the change itself is done already
        return Plan.changes(List.of(Change.named("async job " + jid + " changed the host")), result);
    }
}
