package org.freshears.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import org.freshears.advice.Platform;
import org.freshears.util.Json;

/**
 * The report page. The same template serves the web app (with the chain editor and audio links) and the static
 * export of {@code analyze --html} (one self-contained file: styles and plots inline, no scripts needed).
 */
public final class HtmlReport {
    private HtmlReport() {}

    /** Web-app extras; {@code null} for the static export. */
    /**
     * What only the web app's page has: the analysis id, the suggested chain for the editor, the upload's audio, and
     * a newer version of the same song when there is one ({@code newerLabel}/{@code newerHref}, else null).
     */
    public record Live(String id, String chainJson, String audioHref, String newerLabel, String newerHref) {
        public Live(String id, String chainJson, String audioHref) {
            this(id, chainJson, audioHref, null, null);
        }
    }

    public static Map<String, Object> model(JsonNode doc, Platform platform, String title,
                                            ReportView.Previous previous, Live live) {
        Map<String, Object> m = new HashMap<>();
        m.put("v", ReportView.of(doc, platform, title, previous));
        m.put("live", live);
        m.put("platform", platform == null ? Platform.DEFAULT : platform);
        return m;
    }

    public static String render(JsonNode doc, Platform platform, String title, ReportView.Previous previous, Live live) {
        return Templates.render("report", model(doc, platform, title, previous, live));
    }

    /** Writes the static report of one analysis document (any record or tree) to {@code out}, atomically. */
    public static void write(Object document, Platform platform, Path out) throws IOException {
        JsonNode doc = document instanceof JsonNode n ? n : Json.mapper().valueToTree(document);
        String html = render(doc, platform, null, null, null);
        Path abs = out.toAbsolutePath();
        if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        Path tmp = org.freshears.util.PartFiles.beside(abs);
        try {
            Files.writeString(tmp, html, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** JSON for embedding inside a {@code <script type="application/json">}: no "&lt;" can close the tag. */
    public static String scriptJson(Object value) {
        return Json.write(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
