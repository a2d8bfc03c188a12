package org.freshears.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading with blocks of 1, 333 or 65536 frames gives the same samples, for every decoder. */
class BlockSizeInvarianceTest {
    @TempDir
    Path dir;

    private static void assertInvariant(Path file) throws Exception {
        Decoded reference = Decoded.of(file, 65536);
        for (int block : new int[] {1, 333}) {
            Decoded d = Decoded.of(file, block);
            assertEquals(reference.info(), d.info());
            for (int c = 0; c < reference.samples().length; c++) {
                assertArrayEquals(reference.samples()[c], d.samples()[c], file.getFileName() + " block " + block + " channel " + c);
            }
            assertEquals(reference.warnings(), d.warnings());
        }
    }

    @Test
    void wav24() throws Exception {
        int[] samples = new int[3 * 70001];
        for (int i = 0; i < samples.length; i++) samples[i] = (i * 7919) % 8388608 - 4194304;
        Path file = dir.resolve("three.wav");
        Files.write(file, new TestBytes.Wav().fmt(1, 3, 48000, 24).data(TestBytes.ints(3, java.nio.ByteOrder.LITTLE_ENDIAN, samples)).bytes());
        assertInvariant(file);
        assertEquals(70001, Decoded.of(file, 333).frames());
    }

    @Test
    void flac() throws Exception {
        assertInvariant(Decoded.resource("pattern16.flac"));
    }

    @Test
    void mp3() throws Exception {
        assertInvariant(Decoded.resource("sine1k.mp3"));
    }

    @Test
    void oggVorbis() throws Exception {
        assertInvariant(Decoded.resource("sine1k.ogg"));
    }
}
