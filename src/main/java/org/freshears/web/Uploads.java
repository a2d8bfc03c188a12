package org.freshears.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Set;
import org.freshears.audio.AudioDecoder;
import org.freshears.audio.AudioSource;
import org.freshears.audio.UnreadableAudioException;

/**
 * Stores uploads under random names: written to {@code tmp/} as they arrive, probed by decoding the first block (content, not
 * extension, decides), then moved atomically into {@code uploads/}. The client's file name is kept only as a
 * display name, never as a path.
 */
final class Uploads {
    private static final Set<String> EXTENSIONS = Set.of("wav", "wave", "aif", "aiff", "aifc", "flac", "mp3", "ogg", "oga");

    /** A stored upload: its path relative to the data folder and its cleaned display name. */
    record Stored(String relativePath, String displayName) {
    }

    private final Path dataDir;

    Uploads(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        Files.createDirectories(spoolDir());
        // whatever is left in the spool folder belongs to uploads a previous run never finished receiving
        try (var left = Files.list(spoolDir())) {
            for (Path p : left.toList()) Files.deleteIfExists(p);
        }
        Files.createDirectories(dataDir.resolve("uploads"));
        Files.createDirectories(dataDir.resolve("renders"));
    }

    /**
     * Stores one uploaded file, already written whole to the spool folder {@code tmp/} (same file system), by
     * probing it and renaming it into {@code uploads/}. The spool file is gone afterwards, stored or refused.
     */
    Stored save(MultipartUpload.FilePart file) throws IOException {
        String shown = displayName(file.clientName());
        String ext = extension(file.clientName());
        Path tmp = file.take();
        try {
            probe(tmp, shown);
            String rel = "uploads/" + Ids.next() + "." + (EXTENSIONS.contains(ext) ? ext : "bin");
            Files.move(tmp, dataDir.resolve(rel), StandardCopyOption.ATOMIC_MOVE);
            return new Stored(rel, shown);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The spool folder, where uploads are written as they arrive. */
    Path spoolDir() {
        return dataDir.resolve("tmp");
    }

    /** The client's file name extension, lower case and without the dot; "" when there is none. */
    static String extension(String clientName) {
        String name = displayName(clientName);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The decoder's reason without the stored file's random name, which means nothing to the user. */
    private static String reason(Exception e, Path file) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        return m.replace(file.toString(), "").replace(file.getFileName().toString(), "").replaceFirst("^[:\\s]+", "");
    }

    /** Decodes the first block; anything that is not readable audio is refused with 415. */
    static void probe(Path file, String shown) {
        if (fileSize(file) == 0) throw new ApiException(400, shown + ": the file is empty");
        try (AudioSource src = AudioDecoder.open(file)) {
            float[][] block = new float[src.info().channels()][1024];
            if (src.read(block, 1024) < 0) throw new ApiException(415, shown + ": no audio in the file");
        } catch (UnreadableAudioException | IOException e) {
            throw new ApiException(415, shown + " is not an audio file Fresh Ears can read (" + reason(e, file) + ")");
        }
    }

    private static long fileSize(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    Path resolve(String relativePath) {
        Path p = dataDir.resolve(relativePath).normalize();
        if (!p.startsWith(dataDir.normalize())) throw new IllegalStateException("path outside the data folder");
        return p;
    }

    /** The client's name without any directory part or control characters, at most 200 characters. */
    static String displayName(String clientName) {
        String s = clientName == null ? "" : clientName.replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (s.isEmpty()) s = "upload";
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    /** The default song name: the file name without extension and without a version suffix ("_v2", " mix 3"). */
    static String songName(String displayName) {
        String s = displayName;
        int dot = s.lastIndexOf('.');
        if (dot > 0) s = s.substring(0, dot);
        s = s.replaceFirst("(?i)[\\s_.\\-]*\\(?(v|ver|version|rev|take|mix)?[\\s_.\\-]*\\d{1,3}\\)?$", "");
        s = s.strip();
        return s.isEmpty() ? displayName : s;
    }

    /** Case, spaces, dashes and underscores do not tell songs apart. */
    static String songKey(String song) {
        return song.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]+", " ").strip();
    }
}
