package org.freshears.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A whole decoded test file: what the source announced, the samples and the warnings after the last read. */
record Decoded(AudioInfo info, float[][] samples, List<String> warnings) {

    static Decoded of(Path file) throws IOException, UnreadableAudioException {
        return of(file, 4096);
    }

    static Decoded of(Path file, int block) throws IOException, UnreadableAudioException {
        try (AudioSource source = AudioDecoder.open(file)) {
            float[][] samples = AudioFiles.readAll(source, block);
            return new Decoded(source.info(), samples, source.warnings());
        }
    }

    static Decoded of(Path dir, String name, byte[] bytes) throws IOException, UnreadableAudioException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return of(file);
    }

    int frames() {
        return samples[0].length;
    }

    static Path resource(String name) {
        return Path.of("src/test/resources/audio", name);
    }
}
