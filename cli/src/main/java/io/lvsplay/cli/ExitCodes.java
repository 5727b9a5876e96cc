package io.lvsplay.cli;

/** ansible-playbook's exit codes, so CI scripts written for Ansible keep working. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int GENERIC_ERROR = 1;
    public static final int HOST_FAILED = 2;
    public static final int HOST_UNREACHABLE = 4;
    public static final int BAD_INPUT = 5;
    public static final int INTERRUPTED = 99;

    private ExitCodes() {
    }
}
