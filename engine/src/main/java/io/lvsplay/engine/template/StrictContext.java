package io.lvsplay.engine.template;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.HashMap;

/**
 * The root context of one render. Jinjava looks every filter and test up here (also for
 * {@code map('f')} and {@code select('t')}) and, finding none, quietly yields nothing; Ansible
 * fails, and so does this context. Names jinjava has but Ansible lacks are refused the same way.
 */
final class StrictContext extends Context {
  StrictContext(Context global) {
    super(global, new HashMap<>());
  }

  @Override
  public Filter getFilter(String name) {
    Filter filter = super.getFilter(name);
    if (!Jinja2Catalog.isSupportedFilter(name, filter)) {
      throw Strictness.fail(Jinja2Catalog.unknownFilter(name));
    }
    return filter;
  }

  @Override
  public ExpTest getExpTest(String name) {
    ExpTest test = super.getExpTest(name);
    if (!Jinja2Catalog.isSupportedTest(name, test)) {
      throw Strictness.fail(Jinja2Catalog.unknownTest(name));
    }
    return test;
  }
}
