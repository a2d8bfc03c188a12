package org.freshears.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged Ogg Vorbis: sine1k.ogg (a page every 0.1 s: granule positions 4672, 9792, 14912, 20032 and 22050 on
 * pages 2 to 6) with one page made to fail its CRC.
 */
class VorbisSourceTest {
    @TempDir
    Path dir;

    private final byte[] fixture = read();
    private final List<OggPages.Page> pages = OggPages.of(fixture);

    private static byte[] read() {
        try {
            return Files.readAllBytes(Decoded.resource("sine1k.ogg"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The fixture with page {@code number}'s body changed, so that its CRC fails. */
    private byte[] withPageDamaged(int number) {
        byte[] b = fixture.clone();
        OggPages.Page p = pages.get(number);
        for (int i = p.offset() + p.length() / 2; i < p.offset() + p.length(); i++) b[i] ^= 0x5A;
        return b;
    }

    @Test
    void undamagedOutputIsUnchanged() throws Exception {
        Decoded d = Decoded.of(Decoded.resource("sine1k.ogg"));
        assertEquals(List.of(), d.warnings());
        assertEquals(pages.getLast().granule(), d.frames());
        // CRC-32 of the samples as the decoder gave them before it handled damage (commit e227801)
        assertEquals(0x6A753D27L, Samples.crc(d.samples()));
    }

    @Test
    void lostPageBecomesSilenceAndLaterTimesStay() throws Exception {
        Decoded clean = Decoded.of(Decoded.resource("sine1k.ogg"));
        Decoded d = Decoded.of(dir, "damaged.ogg", withPageDamaged(3));
        assertEquals(pages.getLast().granule(), d.frames());
        int[] silence = Samples.onlyDifferenceIsSilence(clean.samples(), d.samples());
        // the silence starts where the last good page ends; it covers the lost page, and at most the next one
        assertEquals(pages.get(2).granule(), silence[0]);
        assertTrue(silence[1] >= pages.get(3).granule() && silence[1] <= pages.get(4).granule(), "silence up to " + silence[1]);
        assertEquals(List.of("Ogg stream is damaged at 0:00.1: 1 damaged page skipped, "
                + FileBytes.seconds(silence[1] - silence[0], 44100)
                + " of audio lost and replaced by silence so that later times stay right"), d.warnings());
    }

    @Test
    void damagedFileReadsTheSameInAnyBlockSize() throws Exception {
        Path file = dir.resolve("damaged.ogg");
        Files.write(file, withPageDamaged(3));
        Decoded reference = Decoded.of(file, 65536);
        for (int block : new int[] {1, 333}) {
            Decoded d = Decoded.of(file, block);
            for (int c = 0; c < 2; c++) assertArrayEquals(reference.samples()[c], d.samples()[c], "block " + block);
            assertEquals(reference.warnings(), d.warnings());
        }
    }

    @Test
    void noGranulePositionBeforeTheHoleOnlyWarns() throws Exception {
        Decoded d = Decoded.of(dir, "damaged.ogg", withPageDamaged(2)); // the first audio page
        assertEquals(1, d.warnings().size(), d.warnings().toString());
        assertTrue(d.warnings().getFirst().startsWith("Ogg stream is damaged at 0:00.0: 1 damaged page skipped; the granule positions do not show"),
                d.warnings().toString());
        // no silence: what page 2 held is gone, and at most what page 3 held
        long total = pages.getLast().granule();
        assertTrue(d.frames() <= total - pages.get(2).granule() && d.frames() >= total - pages.get(3).granule(), "frames " + d.frames());
        assertTrue(Samples.longestSilence(d.samples()) <= 1, "no silence inserted");
    }

    @Test
    void granulePositionGoingBackwardsOnlyWarns() throws Exception {
        byte[] b = withPageDamaged(3);
        OggPages.setGranule(b, pages.get(4), pages.get(2).granule() - 1);
        Decoded d = Decoded.of(dir, "damaged.ogg", b);
        assertEquals(1, d.warnings().size(), d.warnings().toString());
        assertTrue(d.warnings().getFirst().contains("the granule positions do not show how much audio was lost"), d.warnings().toString());
        assertTrue(d.frames() <= pages.getLast().granule() - (pages.get(3).granule() - pages.get(2).granule()), "frames " + d.frames());
        assertTrue(Samples.longestSilence(d.samples()) <= 1, "no silence inserted");
    }

    @Test
    void lostLastPageIsDamageNotTruncation() throws Exception {
        Decoded d = Decoded.of(dir, "damaged.ogg", withPageDamaged(6));
        assertEquals(pages.get(5).granule(), d.frames());
        assertEquals(List.of("Ogg stream is damaged at 0:00.5: no readable page follows, so decoding stopped there"), d.warnings());
    }

    @Test
    void aForgedPositionAfterAHoleNeitherThrowsNorMakesHoursOfSilence() throws Exception {
        // far beyond what the skipped bytes could hold: only a warning
        byte[] far = withPageDamaged(3);
        OggPages.setGranule(far, pages.get(4), pages.get(4).granule() + 44100L * 3600);
        Decoded d = Decoded.of(dir, "far.ogg", far);
        assertTrue(d.warnings().getFirst().contains("the granule positions do not show how much audio was lost"), d.warnings().toString());
        assertTrue(d.frames() <= pages.getLast().granule(), "frames " + d.frames());
        assertTrue(Samples.longestSilence(d.samples()) <= 1, "no silence inserted");
        // a little beyond the real gap, so that the silence runs past where the last page (read later) says the
        // stream ends: this threw ArrayIndexOutOfBoundsException ("arraycopy: length ... is negative"); now the
        // audio after that end is dropped, and the file is at most the forged amount longer
        byte[] near = withPageDamaged(3);
        OggPages.setGranule(near, pages.get(4), pages.get(4).granule() + 6000);
        Decoded n = Decoded.of(dir, "near.ogg", near);
        assertTrue(n.frames() <= pages.getLast().granule() + 6000, "frames " + n.frames());
        assertEquals(1, n.warnings().size(), n.warnings().toString());
    }

    @Test
    void junkAndAForgedPositionCannotTurnASmallFileIntoHours() throws Exception {
        // page 3 damaged, 200 KB of junk (no page marker) after it, and every later position raised by 3 hours:
        // one packet per skipped byte would allow 5 hours, but the silence of a file is kept to ten minutes here
        byte[] b = withPageDamaged(3);
        long hours = 44100L * 3600 * 3;
        for (int p = 4; p < pages.size(); p++) OggPages.setGranule(b, pages.get(p), pages.get(p).granule() + hours);
        int at = pages.get(4).offset();
        byte[] junk = new byte[200_000];
        java.util.Arrays.fill(junk, (byte) 0x55);
        byte[] spliced = new byte[b.length + junk.length];
        System.arraycopy(b, 0, spliced, 0, at);
        System.arraycopy(junk, 0, spliced, at, junk.length);
        System.arraycopy(b, at, spliced, at + junk.length, b.length - at);
        Decoded d = Decoded.of(dir, "hours.ogg", spliced);
        assertTrue(d.frames() < 44100L * 60, "frames " + d.frames());
        assertTrue(d.warnings().getFirst().contains("the granule positions do not show how much audio was lost"), d.warnings().toString());
    }
}
