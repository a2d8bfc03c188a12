package org.freshears.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged MP3: sine1k.mp3 (a 45-byte ID3v2 tag, then an "Info" frame with a LAME tag, delay 576 and padding
 * 1566, then 21 frames at 128 kbit/s) with random bytes over frames 10 to 12, counting the Info frame as 0.
 */
class Mp3SourceTest {
    private static final int FIRST_FRAME = 45;

    @TempDir
    Path dir;

    private final byte[] fixture = read();
    private final List<Integer> frameStarts = frameStarts(fixture);

    private static byte[] read() {
        try {
            return Files.readAllBytes(Decoded.resource("sine1k.mp3"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Integer> frameStarts(byte[] file) {
        List<Integer> starts = new ArrayList<>();
        for (int at = FIRST_FRAME; at < file.length; at += MpegHeader.parse(file, at).frameBytes()) starts.add(at);
        return starts;
    }

    /** Random bytes from the middle of frame 10 to the middle of frame 12: frames 10, 11 and 12 are lost. */
    private byte[] damaged() {
        byte[] b = fixture.clone();
        int from = (frameStarts.get(10) + frameStarts.get(11)) / 2;
        int to = (frameStarts.get(12) + frameStarts.get(13)) / 2;
        byte[] noise = new byte[to - from];
        new Random(7).nextBytes(noise);
        System.arraycopy(noise, 0, b, from, noise.length);
        return b;
    }

    /** Where frame {@code k}'s samples start in the output: the Info frame makes none, and the delays are trimmed. */
    private static int outputStart(int k) {
        return (k - 1) * 1152 - (576 + Mp3Source.DECODER_DELAY);
    }

    @Test
    void fixtureHasTheFramesTheTestsAssume() {
        assertEquals(22, frameStarts.size());
        assertTrue(XingTag.read(fixture, fixture.length, FIRST_FRAME).constantBitrate());
    }

    @Test
    void undamagedOutputIsUnchanged() throws Exception {
        Decoded d = Decoded.of(Decoded.resource("sine1k.mp3"));
        assertEquals(List.of(), d.warnings());
        // CRC-32 of the samples as the decoder gave them before it handled damage (commit e227801)
        assertEquals(0x5EB5C810L, Samples.crc(d.samples()));
    }

    @Test
    void filterPassesAnUndamagedStreamByteForByte() throws Exception {
        byte[] stream = Arrays.copyOfRange(fixture, FIRST_FRAME, fixture.length + 128);
        System.arraycopy("TAG".getBytes(StandardCharsets.ISO_8859_1), 0, stream, fixture.length - FIRST_FRAME, 3); // ID3v1
        MpegFrameFilter filter = new MpegFrameFilter(new ByteArrayInputStream(stream), MpegHeader.parse(fixture, FIRST_FRAME), true);
        assertArrayEquals(stream, filter.readAllBytes());
        assertTrue(filter.skips().isEmpty());
        assertEquals(128, filter.trailingBytes());
    }

    @Test
    void damageMidFileIsSilenceWhenTheFramesCanBeCounted() throws Exception {
        Decoded clean = Decoded.of(Decoded.resource("sine1k.mp3"));
        Decoded d = Decoded.of(dir, "damaged.mp3", damaged());
        assertEquals(22050, d.frames(), "the length the LAME tag announces");
        int[] silence = Samples.onlyDifferenceIsSilence(clean.samples(), d.samples());
        assertEquals(outputStart(10), silence[0]);
        int lost = silence[1] - silence[0];
        // the three lost frames, then the fresh decoder's warm-up: at most two frames it cannot decode and one more
        assertTrue(lost >= 3 * 1152 && lost <= 6 * 1152, "silence of " + lost);
        int skipped = frameStarts.get(13) - frameStarts.get(10);
        assertEquals(List.of("MP3 stream is damaged at 0:00.2: " + skipped + " bytes skipped, 3 frames (0.1 s) of audio lost and"
                + " replaced by silence, with the next few frames that depend on them, so that later times stay right"), d.warnings());
    }

    @Test
    void damageMidFileWithoutADeclaredConstantBitRateOnlyWarns() throws Exception {
        byte[] b = damaged();
        int info = new String(b, 0, 200, StandardCharsets.ISO_8859_1).indexOf("Info");
        System.arraycopy("Xing".getBytes(StandardCharsets.ISO_8859_1), 0, b, info, 4);
        Decoded d = Decoded.of(dir, "damaged.mp3", b);
        assertEquals(22050 - 3 * 1152, d.frames(), "three frames shorter, no silence for them");
        int skipped = frameStarts.get(13) - frameStarts.get(10);
        assertEquals(List.of("MP3 stream is damaged at 0:00.2: " + skipped + " bytes skipped; how much audio was lost is unknown,"
                        + " so later times are early by that much",
                "decoded 0.4 s of 0.5 s: the rest was lost where the stream is damaged"), d.warnings());
    }
}
