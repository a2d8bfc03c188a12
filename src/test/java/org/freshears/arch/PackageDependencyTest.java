package org.freshears.arch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the house line (STYLE.md): dependencies run one way, audio → dsp → analysis → model → advice → report
 * → web/cli, and mastering uses only dsp and audio. Reads the import lines of the main sources.
 */
class PackageDependencyTest {

    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("util", Set.of()),
            Map.entry("audio", Set.of("util")),
            Map.entry("dsp", Set.of("util")),
            Map.entry("mastering", Set.of("audio", "dsp", "util")),
            Map.entry("analysis", Set.of("audio", "dsp", "util")),
            Map.entry("model", Set.of("audio", "dsp", "analysis", "util", "pipeline")),
            Map.entry("advice", Set.of("audio", "dsp", "analysis", "model", "mastering", "util")),
            Map.entry("pipeline", Set.of("audio", "dsp", "analysis", "model", "advice", "mastering", "util")),
            Map.entry("report", Set.of("audio", "dsp", "analysis", "model", "advice", "mastering", "pipeline", "util")),
            Map.entry("web", Set.of("audio", "dsp", "analysis", "model", "advice", "mastering", "pipeline", "report", "util")),
            Map.entry("cli", Set.of("audio", "dsp", "analysis", "model", "advice", "mastering", "pipeline", "report", "web", "util")));

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.freshears\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void dependenciesRunOneWay() throws IOException {
        Path root = Path.of("src/main/java/org/freshears");
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(f -> f.toString().endsWith(".java")).toList()) {
                files++;
                String pkg = root.relativize(p).getName(0).toString();
                Set<String> allowed = ALLOWED.get(pkg);
                if (allowed == null) {
                    violations.add(p + ": package '" + pkg + "' has no declared place in the layering");
                    continue;
                }
                Matcher m = IMPORT.matcher(Files.readString(p));
                while (m.find()) {
                    String target = m.group(1);
                    if (!target.equals(pkg) && !allowed.contains(target)) {
                        violations.add(p + " imports org.freshears." + target);
                    }
                }
            }
        }
        assertTrue(files > 20, "expected the main sources under " + root);
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }
}
