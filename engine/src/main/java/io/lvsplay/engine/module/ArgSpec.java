package io.lvsplay.engine.module;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments a module accepts, in Ansible's argument_spec shape: name, type, required,
 * default, choices (for every type), aliases (declared on the argument, once), list elements,
 * nested options, and the cross-argument rules (mutually_exclusive, required_together,
 * required_one_of, required_if, required_by). Arguments Ansible's module has but lvsplay does
 * not implement are declared with {@link #notSupported} so they are refused by name, never ignored.
 * Checked twice by {@link ArgCheck}: before any host is contacted, and on templated values.
 *
 * <p>Modifiers ({@link #aliases}, {@link #choices}, {@link #elements}, {@link #options},
 * {@link #defaultValue}) apply to the argument declared last.
 */
public final class ArgSpec {

    public enum Type { STR, BOOL, INT, FLOAT, LIST, DICT, RAW, PATH }

    public record Arg(String name, Type type, boolean required, Object defaultValue,
                      List<String> choices, List<String> aliases, boolean secret,
                      Type elements, ArgSpec options) {
        Arg with(Object defaultValue, List<String> choices, List<String> aliases, Type elements, ArgSpec options) {
            return new Arg(name, type, required, defaultValue, choices, aliases, secret, elements, options);
        }
    }

    /** required_if: when {@code name} has {@code value}, {@code requirements} (all, or any when anyOf) must be given. */
    public record RequiredIf(String name, Object value, List<String> requirements, boolean anyOf) {}

    private final Map<String, Arg> args = new LinkedHashMap<>();
    private final Map<String, String> aliasToName = new LinkedHashMap<>();
    private final Map<String, String> notSupported = new LinkedHashMap<>();
    private Arg last;
    private boolean freeForm;
    private boolean anyArgs;
    final List<List<String>> mutuallyExclusive = new ArrayList<>();
    final List<List<String>> requiredOneOf = new ArrayList<>();
    final List<List<String>> requiredTogether = new ArrayList<>();
    final List<RequiredIf> requiredIf = new ArrayList<>();
    final Map<String, List<String>> requiredBy = new LinkedHashMap<>();

    public static ArgSpec of() {
        return new ArgSpec();
    }

    public ArgSpec arg(String name, Type type) {
        return add(new Arg(name, type, false, null, List.of(), List.of(), false, null, null));
    }

    public ArgSpec required(String name, Type type) {
        return add(new Arg(name, type, true, null, List.of(), List.of(), false, null, null));
    }

    public ArgSpec arg(String name, Type type, Object defaultValue) {
        return add(new Arg(name, type, false, defaultValue, List.of(), List.of(), false, null, null));
    }

    public ArgSpec choice(String name, Object defaultValue, String... choices) {
        return add(new Arg(name, Type.STR, false, defaultValue, List.of(choices), List.of(), false, null, null));
    }

    /** An argument whose value must never be printed (passwords). */
    public ArgSpec secret(String name) {
        return add(new Arg(name, Type.STR, false, null, List.of(), List.of(), true, null, null));
    }

    /** Other names of the argument declared last. */
    public ArgSpec aliases(String... names) {
        List<String> all = new ArrayList<>(last.aliases());
        all.addAll(List.of(names));
        replaceLast(last.with(last.defaultValue(), last.choices(), List.copyOf(all), last.elements(), last.options()));
        for (String alias : names) {
            aliasToName.put(alias, last.name());
        }
        return this;
    }

    /** The allowed values of the argument declared last (of a list: of each element). */
    public ArgSpec choices(String... values) {
        replaceLast(last.with(last.defaultValue(), List.of(values), last.aliases(), last.elements(), last.options()));
        return this;
    }

    public ArgSpec defaultValue(Object value) {
        replaceLast(last.with(value, last.choices(), last.aliases(), last.elements(), last.options()));
        return this;
    }

    /** The type of each element of the list argument declared last. */
    public ArgSpec elements(Type type) {
        replaceLast(last.with(last.defaultValue(), last.choices(), last.aliases(), type, last.options()));
        return this;
    }

    /** The sub-arguments of the dict argument (or list of dicts) declared last. */
    public ArgSpec options(ArgSpec nested) {
        replaceLast(last.with(last.defaultValue(), last.choices(), last.aliases(), last.elements(), nested));
        return this;
    }

    /** Arguments Ansible's module accepts that lvsplay refuses: "lvsplay does not support argument X". */
    public ArgSpec notSupported(String... names) {
        for (String name : names) {
            notSupported.put(name, null);
        }
        return this;
    }

    /** Like {@link #notSupported(String...)}, with the reason or the way around it. */
    public ArgSpec notSupportedBecause(String name, String why) {
        notSupported.put(name, why);
        return this;
    }

    /** An alias declared apart from its argument (kept for modules written before {@link #aliases}). */
    public ArgSpec alias(String alias, String name) {
        Arg arg = args.get(name);
        if (arg != null) {
            List<String> all = new ArrayList<>(arg.aliases());
            all.add(alias);
            args.put(name, arg.with(arg.defaultValue(), arg.choices(), List.copyOf(all), arg.elements(), arg.options()));
        }
        aliasToName.put(alias, name);
        return this;
    }

    /** The module takes a free-form string (command/shell): {@code shell: echo hi}, kept as "_raw_params". */
    public ArgSpec freeForm() {
        this.freeForm = true;
        return this;
    }

    /** The module accepts any argument name (set_fact). */
    public ArgSpec anyArgs() {
        this.anyArgs = true;
        return this;
    }

    public ArgSpec mutuallyExclusive(String... names) {
        mutuallyExclusive.add(List.of(names));
        return this;
    }

    public ArgSpec requiredOneOf(String... names) {
        requiredOneOf.add(List.of(names));
        return this;
    }

    public ArgSpec requiredTogether(String... names) {
        requiredTogether.add(List.of(names));
        return this;
    }

    public ArgSpec requiredIf(String name, Object value, String... requirements) {
        requiredIf.add(new RequiredIf(name, value, List.of(requirements), false));
        return this;
    }

    public ArgSpec requiredIfAny(String name, Object value, String... requirements) {
        requiredIf.add(new RequiredIf(name, value, List.of(requirements), true));
        return this;
    }

    public ArgSpec requiredBy(String name, String... requirements) {
        requiredBy.put(name, List.of(requirements));
        return this;
    }

    private ArgSpec add(Arg arg) {
        args.put(arg.name(), arg);
        last = arg;
        return this;
    }

    private void replaceLast(Arg arg) {
        args.put(arg.name(), arg);
        last = arg;
    }

    public boolean isFreeForm() {
        return freeForm;
    }

    public boolean acceptsAnyArgs() {
        return anyArgs;
    }

    public Map<String, Arg> args() {
        return args;
    }

    /** Arguments Ansible has that lvsplay refuses, with the reason when one was given. */
    public Map<String, String> notSupported() {
        return notSupported;
    }

    /** Names of arguments whose values must be hidden in output. */
    public Set<String> secretNames() {
        Set<String> names = new HashSet<>();
        args.values().stream().filter(Arg::secret).forEach(a -> names.add(a.name()));
        return names;
    }

    /** Resolves aliases to canonical names; unknown names are kept as they are (validate reports them). */
    public String canonical(String name) {
        return aliasToName.getOrDefault(name, name);
    }

    /** {@link #validate(String, Map, Set)} for a module whose name the caller adds to the message. */
    public List<String> validate(Map<String, Object> given, Set<String> templated) {
        return validate("this", given, templated);
    }

    /**
     * Checks the given arguments of module {@code module}. {@code templated} tells which values
     * still contain Jinja2 expressions and so cannot be checked by value yet. Returns
     * human-readable problems, empty if fine.
     */
    public List<String> validate(String module, Map<String, Object> given, Set<String> templated) {
        return new ArgCheck(this, module).check(given, templated);
    }
}
