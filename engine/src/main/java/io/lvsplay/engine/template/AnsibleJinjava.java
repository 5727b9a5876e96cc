package io.lvsplay.engine.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jinjava.javax.el.CompositeELResolver;

/** Builds a Jinjava configured to behave like the Jinja2 environment of Ansible's template module. */
final class AnsibleJinjava {
  private static final Set<String> UNDEFINED_AWARE_FILTERS = Set.of("default", "d", "mandatory", "format");

  private AnsibleJinjava() {}

  static Jinjava create() {
    return create(true, false);
  }

  /** With the template module's trim_blocks and lstrip_blocks (Ansible's defaults: true, false). */
  static Jinjava create(boolean trimBlocks, boolean lstripBlocks) {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new StrictResolver());
    resolver.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
    JinjavaConfig config = JinjavaConfig.newBuilder()
        // Ansible's template module: trim_blocks=True, lstrip_blocks=False.
        .withTrimBlocks(trimBlocks)
        .withLstripBlocks(lstripBlocks)
        .withElResolver(resolver)
        // Jinja2 never renders an expression's output again: "{{ '{{ x }}' }}" is "{{ x }}" (and !unsafe relies on it)
        .withNestedInterpretationEnabled(false)
        // Jinja2's recursive for loops call loop(...) inside loop(...)
        .withEnableRecursiveMacroCalls(true)
        .withMaxMacroRecursionDepth(100)
        .withInterperterFactory(new StrictInterpreter.Factory())
        .withLegacyOverrides(LegacyOverrides.newBuilder()
            .withIterateOverMapKeys(true)
            .withEvaluateMapKeys(true)
            .withUseNaturalOperatorPrecedence(true)
            .withParseWhitespaceControlStrictly(true)
            .withUseTrimmingForNotesAndExpressions(true)
            .withKeepNullableLoopValues(true)
            .build())
        .build();
    Jinjava jinjava = new PythonJinjava(config);
    jinjava.setResourceLocator(new IncludeLocator());
    register(jinjava.getGlobalContext());
    return jinjava;
  }

  private static void register(Context context) {
    List<NamedFilter> filters = new ArrayList<>();
    filters.addAll(TypeFilters.all());
    filters.addAll(TextFilters.all());
    filters.addAll(CollectionFilters.all());
    filters.addAll(DataFormatFilters.all());
    filters.addAll(IpAddrFilters.all());
    filters.addAll(PathFilters.all());
    filters.addAll(SizeFilters.all());
    filters.addAll(StructureFilters.all());
    filters.add(CommentFilter.filter());
    filters.addAll(RandomFilters.all());
    filters.add(PythonPercentFormat.filter());
    filters.addAll(TupleFilters.all());
    filters.forEach(context::registerFilter);
    AnsibleTests.all().forEach(context::registerExpTest);
    FileAndSetTests.all().forEach(context::registerExpTest);
    AnsibleFunctions.register(context);
    context.registerTag(new PythonForTag());
    context.registerTag(new PythonIfTag());
    for (String name : List.of("select", "reject")) {
      context.registerFilter(new TruthyByDefaultFilter(context.getFilter(name)));
    }

    // Every other filter and test, ours and jinjava's alike, must fail on undefined input.
    for (Filter filter : new ArrayList<>(context.getAllFilters())) {
      if (!UNDEFINED_AWARE_FILTERS.contains(filter.getName())) {
        context.registerFilter(new StrictFilter(filter));
      }
    }
    for (ExpTest test : new ArrayList<>(context.getAllExpTests())) {
      context.registerExpTest(new StrictFilter.Test(test));
    }
    AnsibleTests.undefinedAware().forEach(context::registerExpTest);
  }
}
