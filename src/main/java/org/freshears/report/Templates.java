package org.freshears.report;

import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The Thymeleaf engine over {@code src/main/resources/templates/}: HTML mode, escaped by default, cached. */
public final class Templates {
    private static final TemplateEngine ENGINE = engine();

    private Templates() {}

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    /** Renders a template by name (without ".html"; a trailing ".html" is accepted) with the given variables. */
    public static String render(String name, Map<String, ?> model) {
        String n = name.endsWith(".html") ? name.substring(0, name.length() - 5) : name;
        Context ctx = new Context();
        model.forEach(ctx::setVariable);
        return ENGINE.process(n, ctx);
    }
}
