package io.lvsplay.modules;

import io.lvsplay.engine.module.ArgSpec;

/**
 * Arguments Ansible's modules accept that lvsplay does not implement yet, declared so a
 * playbook using them is refused at load time by name instead of the argument being ignored.
 */
final class UnsupportedArgs {
    private UnsupportedArgs() {
    }

    /** Ansible's common file arguments (SELinux context, chattr attributes, unsafe_writes). */
    static ArgSpec fileCommon(ArgSpec spec) {
        return selinux(spec).notSupported("attributes", "attr");
    }

    /** The common file arguments but chattr's (the file module implements those). */
    static ArgSpec selinux(ArgSpec spec) {
        return spec.notSupported("seuser", "serole", "setype", "selevel", "unsafe_writes");
    }

    /** apt's arguments beyond name/state/update_cache/cache_valid_time/install_recommends. */
    static ArgSpec apt(ArgSpec spec) {
        return spec.notSupported("allow_unauthenticated", "allow_downgrade", "allow_change_held_packages",
                "autoclean", "autoremove", "clean", "deb", "default_release", "default-release", "dpkg_options",
                "fail_on_autoremove", "force", "force_apt_get", "lock_timeout", "only_upgrade", "policy_rc_d",
                "purge", "update_cache_retries", "update_cache_retry_max_delay", "upgrade");
    }

    /** dnf/yum arguments beyond the package contract. */
    static ArgSpec rpm(ArgSpec spec) {
        return spec.notSupported("allow_downgrade", "autoremove", "bugfix", "conf_file", "disable_excludes",
                "disable_gpg_check", "disable_plugin", "disablerepo", "download_dir", "download_only",
                "enable_plugin", "enablerepo", "exclude", "installroot", "list", "lock_timeout", "releasever",
                "security", "skip_broken", "update_only", "validate_certs", "install_weak_deps", "nobest",
                "allowerasing", "cacheonly", "use_backend");
    }
}
