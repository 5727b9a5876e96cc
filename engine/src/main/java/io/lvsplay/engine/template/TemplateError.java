package io.lvsplay.engine.template;

/**
 * A template could not be evaluated. The message starts with the source and line so a user can
 * jump straight to the offending spot, e.g. {@code templates/keepalived.conf.j2:12: 'auth_pass' is undefined}.
 */
public class TemplateError extends RuntimeException {
  private final String source;
  private final int line;
  private final String detail;

  public TemplateError(String source, int line, String detail) {
    this(source, line, detail, true);
  }

  /** With {@code located} false the message is the detail alone, as Ansible words some failures. */
  public TemplateError(String source, int line, String detail, boolean located) {
    super(located ? location(source, line) + ": " + detail : detail);
    this.source = source;
    this.line = line;
    this.detail = detail;
  }

  public TemplateError(String source, int line, String detail, Throwable cause) {
    this(source, line, detail);
    initCause(cause);
  }

  /** The file or field the template came from. */
  public String source() {
    return source;
  }

  /** 1-based line within the template, or 0 when the line is not known. */
  public int line() {
    return line;
  }

  /** The message without the location prefix. */
  public String detail() {
    return detail;
  }

  private static String location(String source, int line) {
    return line > 0 ? source + ":" + line : source;
  }
}
