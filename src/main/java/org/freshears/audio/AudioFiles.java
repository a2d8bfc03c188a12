package org.freshears.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/** Convenience for tests and short files: decodes a whole file into memory. Long files should be streamed. */
public final class AudioFiles {
    private static final int BLOCK = 8192;

    private AudioFiles() {
    }

    /** Decodes all of {@code path} into planar floats {@code [channel][frame]}. */
    public static float[][] readAll(Path path) throws IOException, UnreadableAudioException {
        try (AudioSource source = AudioDecoder.open(path)) {
            return readAll(source);
        }
    }

    /** Reads the rest of {@code source} into planar floats, with blocks of 8192 frames. */
    public static float[][] readAll(AudioSource source) throws IOException {
        return readAll(source, BLOCK);
    }

    /** Reads the rest of {@code source} into planar floats, asking for {@code blockFrames} frames at a time. */
    public static float[][] readAll(AudioSource source, int blockFrames) throws IOException {
        int channels = source.info().channels();
        float[][] block = new float[channels][blockFrames];
        long announced = source.info().frameLength();
        float[][] out = new float[channels][(int) Math.clamp(announced, 16, 1 << 24)];
        int len = 0;
        int n;
        while ((n = source.read(block, blockFrames)) >= 0) {
            if (len + n > out[0].length) {
                for (int c = 0; c < channels; c++) out[c] = Arrays.copyOf(out[c], Math.max(len + n, out[c].length * 2));
            }
            for (int c = 0; c < channels; c++) System.arraycopy(block[c], 0, out[c], len, n);
            len += n;
        }
        for (int c = 0; c < channels; c++) out[c] = Arrays.copyOf(out[c], len);
        return out;
    }
}
