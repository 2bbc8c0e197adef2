package dev.phoenixkit.admin.internal;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/** The precompiled jte templates (generated from {@code src/main/jte} at build time). Thread-safe. */
public final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(
            null, ContentType.Html, Templates.class.getClassLoader(), "dev.phoenixkit.admin.internal.templates");

    private Templates() {}

    /**
     * @param name   the template file, for example {@code "list.jte"}
     * @param params its parameters by name
     * @return the rendered HTML
     */
    public static String render(String name, Map<String, Object> params) {
        StringOutput output = new StringOutput();
        ENGINE.render(name, params, output);
        return output.toString();
    }
}
