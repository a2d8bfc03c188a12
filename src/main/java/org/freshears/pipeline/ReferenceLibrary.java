package org.freshears.pipeline;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.freshears.analysis.ProgressListener;
import org.freshears.model.FeatureTable;
import org.freshears.model.FeatureVector;
import org.freshears.model.ModelException;
import org.freshears.util.Csv;

/**
 * A folder of reference tracks, {@code DIR/<genre>/<audio files>}, turned into a {@link FeatureTable} by our own
 * analyser. Each track's group (the unit cross-validation never splits) is its package from the corpus manifest,
 * else the {@code <package>__} prefix of its file name, else the sub-folder under the genre folder (an album),
 * else the file itself. Its split ({@code train}/{@code test}) comes from the manifest, else {@code train}.
 */
public final class ReferenceLibrary {

    static final Set<String> AUDIO = Set.of("wav", "wave", "aif", "aiff", "aifc", "flac", "mp3", "ogg", "oga");

    /** One reference track found in the folder. {@code path} is relative to the folder, with '/'. */
    public record Track(String genre, String group, String split, Path file, String path) {
    }

    /** A manifest row: its package (the group) and split. */
    record Entry(String group, String split) {
    }

    private ReferenceLibrary() {}

    /**
     * Lists the tracks of {@code dir}. Clear {@link ModelException}s for a missing or empty folder, a genre
     * folder without audio, or fewer than two genres.
     *
     * @param manifest a corpus manifest ({@code package,…,path,genre,…,split}) or null
     */
    public static List<Track> scan(Path dir, Path manifest, Consumer<String> warn) throws IOException {
        if (!Files.isDirectory(dir)) throw new ModelException(dir + ": no such folder");
        Map<String, Entry> entries = manifest == null ? Map.of() : readManifest(manifest);
        List<Path> genreDirs;
        try (Stream<Path> s = Files.list(dir)) {
            genreDirs = s.filter(Files::isDirectory).filter(p -> !hidden(p)).sorted().toList();
        }
        if (genreDirs.isEmpty()) {
            throw new ModelException(dir + " has no genre folders (expected " + dir + "/<genre>/<audio files>)");
        }
        List<Track> tracks = new ArrayList<>();
        for (Path g : genreDirs) {
            String genre = g.getFileName().toString();
            List<Path> files;
            try (Stream<Path> s = Files.walk(g)) {
                files = s.filter(Files::isRegularFile).filter(p -> !hidden(p)).sorted().toList();
            }
            List<Path> audio = files.stream().filter(ReferenceLibrary::isAudio).toList();
            if (files.size() > audio.size()) {
                warn.accept(String.format(Locale.ROOT, "ignored %d non-audio file%s in %s", files.size() - audio.size(),
                        files.size() - audio.size() == 1 ? "" : "s", g));
            }
            if (audio.isEmpty()) {
                throw new ModelException("genre folder " + g + " has no audio files; add reference tracks or remove it");
            }
            for (Path f : audio) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                Entry e = entries.get(rel);
                if (e == null) e = entries.get(f.getFileName().toString());
                String group = e != null ? e.group() : group(g, f);
                tracks.add(new Track(genre, group, e != null ? e.split() : FeatureTable.TRAIN, f, rel));
            }
        }
        long trainGenres = tracks.stream().filter(t -> !FeatureTable.TEST.equals(t.split())).map(Track::genre)
                .distinct().count();
        if (trainGenres < 2) {
            throw new ModelException("a reference model needs at least two genres; " + dir + " has " + trainGenres
                    + " with training tracks (" + String.join(", ", genreDirs.stream().map(p -> p.getFileName().toString()).toList()) + ")");
        }
        return tracks;
    }

    static String group(Path genreDir, Path file) {
        String name = file.getFileName().toString();
        int sep = name.indexOf("__");
        if (sep > 0) return name.substring(0, sep);
        Path rel = genreDir.relativize(file);
        if (rel.getNameCount() > 1) return rel.getName(0).toString();
        return name;
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static boolean isAudio(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && AUDIO.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Reads a manifest: rows keyed by their path and by their file name; needs columns package, path, split. */
    static Map<String, Entry> readManifest(Path manifest) throws IOException {
        if (!Files.isRegularFile(manifest)) throw new ModelException(manifest + ": no such manifest");
        List<List<String>> rows = Csv.parse(Files.readString(manifest));
        if (rows.isEmpty()) return Map.of();
        List<String> header = rows.getFirst();
        int pkg = header.indexOf("package");
        int path = header.indexOf("path");
        int split = header.indexOf("split");
        if (pkg < 0 || path < 0) throw new ModelException(manifest + ": a manifest needs the columns package and path");
        Map<String, Entry> out = new HashMap<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            if (r.size() <= Math.max(pkg, path)) continue;
            String s = split >= 0 && split < r.size() && !r.get(split).isBlank() ? r.get(split).strip() : FeatureTable.TRAIN;
            Entry e = new Entry(r.get(pkg).strip(), s);
            String p = r.get(path).strip().replace('\\', '/');
            out.put(p, e);
            int slash = p.lastIndexOf('/');
            out.putIfAbsent(p.substring(slash + 1), e);
            // also the path relative to the corpus root when the manifest holds <root>/<genre>/<file>
            String[] parts = p.split("/");
            if (parts.length >= 2) out.putIfAbsent(parts[parts.length - 2] + "/" + parts[parts.length - 1], e);
        }
        return out;
    }

    /**
     * Measures every track with our analyser on {@code threads} threads, in the order given; an unreadable
     * track is skipped with a warning. A progress line on {@code progress} (carriage-return updated).
     */
    public static FeatureTable extract(List<Track> tracks, Pipeline pipeline, int threads, PrintWriter progress,
                                       Consumer<String> warn) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "freshears-train");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        try {
            List<Future<FeatureTable.Row>> futures = new ArrayList<>();
            for (Track t : tracks) {
                futures.add(pool.submit(() -> {
                    try {
                        var features = pipeline.measure(t.file(), t.path(), ProgressListener.NONE);
                        return new FeatureTable.Row(t.genre(), t.group(), t.path(), t.split(),
                                FeatureVector.of(features).values());
                    } catch (Exception | OutOfMemoryError e) {
                        skipped.incrementAndGet();
                        warn.accept("skipped " + t.file() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                        return null;
                    } finally {
                        int n = done.incrementAndGet();
                        synchronized (progress) {
                            progress.printf(Locale.ROOT, "\rfreshears: measuring references: %d/%d tracks%s",
                                    n, tracks.size(), skipped.get() > 0 ? " (" + skipped.get() + " skipped)" : "");
                            progress.flush();
                        }
                    }
                }));
            }
            List<FeatureTable.Row> rows = new ArrayList<>();
            for (Future<FeatureTable.Row> f : futures) {
                try {
                    FeatureTable.Row r = f.get();
                    if (r != null) rows.add(r);
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            synchronized (progress) {
                progress.println();
                progress.flush();
            }
            return FeatureTable.of(rows);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Tracks per genre and split, for the summary. */
    public static Map<String, int[]> counts(List<Track> tracks) {
        Map<String, int[]> out = new TreeMap<>();
        for (Track t : tracks) out.computeIfAbsent(t.genre(), g -> new int[2])[FeatureTable.TEST.equals(t.split()) ? 1 : 0]++;
        return out;
    }
}
