package io.lvsplay.engine.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.IfTag;
import com.hubspot.jinjava.tree.TagNode;

/** {@code {% if %}} and its {@code {% elif %}} branches decided by Python's bool(). */
final class PythonIfTag extends IfTag {
  private static final long serialVersionUID = 1L;

  @Override
  public boolean isPositiveIfElseNode(TagNode tagNode, JinjavaInterpreter interpreter) {
    return Truthiness.isTruthy(interpreter.resolveELExpression(
        tagNode.getHelpers(), tagNode.getLineNumber(), tagNode.getStartPosition()));
  }
}
