package io.lvsplay.cli;

import io.lvsplay.engine.exec.PlaybookRunner;

/** ansible-playbook's exit codes, so CI scripts written for Ansible keep working. The run's own come from the engine. */
public final class ExitCodes {
    public static final int OK = PlaybookRunner.OK;
    public static final int GENERIC_ERROR = 1;
    public static final int HOST_FAILED = PlaybookRunner.HOST_FAILED;
    public static final int HOST_UNREACHABLE = PlaybookRunner.HOST_UNREACHABLE;
    public static final int BAD_INPUT = 5;
    public static final int INTERRUPTED = 99;

    private ExitCodes() {
    }
}
