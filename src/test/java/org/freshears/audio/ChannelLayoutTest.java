package org.freshears.audio;

import static org.freshears.audio.ChannelLayout.Speaker.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.freshears.audio.ChannelLayout.Speaker;
import org.junit.jupiter.api.Test;

/**
 * The channel orders as their specifications state them: Microsoft's WAVEFORMATEXTENSIBLE channel mask (bits in
 * ascending order, FL 0x1 … SR 0x400), the FLAC format specification and the Vorbis I specification §4.3.9.
 */
class ChannelLayoutTest {

    private static List<Speaker> speakers(ChannelLayout l) {
        return l.speakers();
    }

    @Test
    void waveMasksNameTheChannelsLowestBitFirst() {
        assertEquals(List.of(FRONT_LEFT, FRONT_RIGHT, FRONT_CENTER, LOW_FREQUENCY, BACK_LEFT, BACK_RIGHT),
                speakers(ChannelLayout.fromWaveMask(0x3F, 6)), "5.1 (back)");
        assertEquals(List.of(FRONT_LEFT, FRONT_RIGHT, FRONT_CENTER, LOW_FREQUENCY, SIDE_LEFT, SIDE_RIGHT),
                speakers(ChannelLayout.fromWaveMask(0x60F, 6)), "5.1 (side)");
        assertEquals(List.of(FRONT_LEFT, FRONT_RIGHT, FRONT_CENTER, LOW_FREQUENCY, BACK_LEFT, BACK_RIGHT, SIDE_LEFT,
                SIDE_RIGHT), speakers(ChannelLayout.fromWaveMask(0x63F, 8)), "7.1");
        assertEquals(List.of(FRONT_CENTER, SIDE_LEFT, SIDE_RIGHT), speakers(ChannelLayout.fromWaveMask(0x604, 3)));
        // height channels (0x800 to 0x20000) keep their positions (BS.1770-4 weighs them 1.0)
        assertEquals(List.of(FRONT_LEFT, FRONT_RIGHT, TOP_FRONT_LEFT, TOP_FRONT_RIGHT),
                speakers(ChannelLayout.fromWaveMask(0x3 | 0x1000 | 0x4000, 4)));
    }

    @Test
    void channelsBeyondTheMaskAreUnassignedAndBitsBeyondTheChannelsIgnored() {
        assertEquals(List.of(FRONT_LEFT, FRONT_RIGHT, OTHER, OTHER), speakers(ChannelLayout.fromWaveMask(0x3, 4)));
        assertEquals(List.of(FRONT_LEFT, FRONT_RIGHT, FRONT_CENTER), speakers(ChannelLayout.fromWaveMask(0x63F, 3)));
    }

    @Test
    void noMaskKeepsTheChannelCountRule() {
        for (int n = 1; n <= 10; n++) assertEquals(ChannelLayout.byCount(n), ChannelLayout.fromWaveMask(0, n));
        assertEquals(List.of(FRONT_CENTER), speakers(ChannelLayout.byCount(1)));
        assertEquals(List.of(FRONT_LEFT, FRONT_RIGHT), speakers(ChannelLayout.byCount(2)));
        assertEquals(List.of(FRONT_LEFT, FRONT_RIGHT, FRONT_CENTER, SIDE_LEFT, SIDE_RIGHT),
                speakers(ChannelLayout.byCount(5)));
        assertEquals(List.of(FRONT_LEFT, FRONT_RIGHT, FRONT_CENTER, LOW_FREQUENCY, SIDE_LEFT, SIDE_RIGHT),
                speakers(ChannelLayout.byCount(6)));
        assertEquals(List.of(FRONT_LEFT, FRONT_RIGHT, OTHER, OTHER, OTHER, OTHER, OTHER, OTHER),
                speakers(ChannelLayout.byCount(8)));
        assertThrows(IllegalArgumentException.class, () -> ChannelLayout.byCount(0));
    }

    @Test
    void vorbisOrder() {
        assertEquals(List.of(FRONT_LEFT, FRONT_CENTER, FRONT_RIGHT), speakers(ChannelLayout.vorbis(3)));
        assertEquals(List.of(FRONT_LEFT, FRONT_RIGHT, BACK_LEFT, BACK_RIGHT), speakers(ChannelLayout.vorbis(4)));
        assertEquals(List.of(FRONT_LEFT, FRONT_CENTER, FRONT_RIGHT, BACK_LEFT, BACK_RIGHT),
                speakers(ChannelLayout.vorbis(5)));
        assertEquals(List.of(FRONT_LEFT, FRONT_CENTER, FRONT_RIGHT, BACK_LEFT, BACK_RIGHT, LOW_FREQUENCY),
                speakers(ChannelLayout.vorbis(6)));
        assertEquals(List.of(FRONT_LEFT, FRONT_CENTER, FRONT_RIGHT, SIDE_LEFT, SIDE_RIGHT, BACK_CENTER, LOW_FREQUENCY),
                speakers(ChannelLayout.vorbis(7)));
        assertEquals(List.of(FRONT_LEFT, FRONT_CENTER, FRONT_RIGHT, SIDE_LEFT, SIDE_RIGHT, BACK_LEFT, BACK_RIGHT,
                LOW_FREQUENCY), speakers(ChannelLayout.vorbis(8)));
        assertEquals(ChannelLayout.byCount(1), ChannelLayout.vorbis(1));
        assertEquals(ChannelLayout.byCount(2), ChannelLayout.vorbis(2));
    }

    @Test
    void flacOrder() {
        assertEquals(List.of(FRONT_LEFT, FRONT_RIGHT, FRONT_CENTER), speakers(ChannelLayout.flac(3)));
        assertEquals(List.of(FRONT_LEFT, FRONT_RIGHT, BACK_LEFT, BACK_RIGHT), speakers(ChannelLayout.flac(4)));
        assertEquals(List.of(FRONT_LEFT, FRONT_RIGHT, FRONT_CENTER, BACK_LEFT, BACK_RIGHT),
                speakers(ChannelLayout.flac(5)));
        assertEquals(ChannelLayout.fromWaveMask(0x3F, 6), ChannelLayout.flac(6));
        assertEquals(List.of(FRONT_LEFT, FRONT_RIGHT, FRONT_CENTER, LOW_FREQUENCY, BACK_CENTER, SIDE_LEFT, SIDE_RIGHT),
                speakers(ChannelLayout.flac(7)));
        assertEquals(ChannelLayout.fromWaveMask(0x63F, 8), ChannelLayout.flac(8));
        assertEquals(ChannelLayout.byCount(1), ChannelLayout.flac(1));
        assertEquals(ChannelLayout.byCount(2), ChannelLayout.flac(2));
    }

    @Test
    void frontPairIsWhereTheLayoutPutsItElseTheFirstTwoChannels() {
        assertEquals(0, ChannelLayout.vorbis(6).left());
        assertEquals(2, ChannelLayout.vorbis(6).right());
        assertEquals(2, ChannelLayout.vorbis(3).right());
        assertEquals(1, ChannelLayout.flac(8).right());
        assertEquals(1, ChannelLayout.byCount(8).right());
        // no front left and right (centre and sides): the first two channels, as before layouts were known
        ChannelLayout noFront = ChannelLayout.fromWaveMask(0x604, 3);
        assertEquals(0, noFront.left());
        assertEquals(1, noFront.right());
        assertEquals(0, ChannelLayout.byCount(1).left());
        assertEquals(0, ChannelLayout.byCount(1).right());
    }

    @Test
    void audioInfoChecksTheLayoutAndDefaultsToTheCountRule() {
        assertEquals(ChannelLayout.byCount(6), new AudioInfo(48000, 6, "wav", "pcm16", -1).channelLayout());
        assertThrows(IllegalArgumentException.class,
                () -> new AudioInfo(48000, 6, "ogg", "vorbis", -1, ChannelLayout.vorbis(5)));
    }

    @Test
    void vorbisOrdersSortIntoTheWavOrderAndItsMask() {
        // Vorbis 7.1 is FL FC FR SL SR RL RR LFE; WAV 7.1 is FL FR FC LFE BL BR SL SR, mask 0x63F
        ChannelLayout v = ChannelLayout.vorbis(8);
        int[] order = v.maskOrder();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {0, 2, 1, 7, 5, 6, 3, 4}, order);
        ChannelLayout wav = v.reordered(order);
        assertEquals(ChannelLayout.fromWaveMask(0x63F, 8), wav);
        assertEquals(0x63F, wav.waveMask());
        assertEquals(0, v.waveMask(), "out of the mask's order: no mask can state it");
        assertEquals(0x3F, ChannelLayout.vorbis(6).reordered(ChannelLayout.vorbis(6).maskOrder()).waveMask());
        assertEquals(0, ChannelLayout.byCount(8).waveMask(), "unknown positions are not claimed");
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, ChannelLayout.flac(6).maskOrder());
    }

    @Test
    void heightChannelsKeepTheirMaskBits() {
        // 5.1.2 as a WAV states it: FL FR FC LFE SL SR TFL TFR (mask 0x560F); a master must write the same mask back
        ChannelLayout l = ChannelLayout.fromWaveMask(0x560F, 8);
        assertEquals(List.of(FRONT_LEFT, FRONT_RIGHT, FRONT_CENTER, LOW_FREQUENCY, SIDE_LEFT, SIDE_RIGHT, TOP_FRONT_LEFT,
                TOP_FRONT_RIGHT), l.speakers());
        assertEquals(0x560F, l.waveMask());
        // bits beyond the defined eighteen are positions nobody states
        assertEquals(OTHER, ChannelLayout.fromWaveMask(0x3 | (1L << 20), 3).speaker(2));
    }
}
