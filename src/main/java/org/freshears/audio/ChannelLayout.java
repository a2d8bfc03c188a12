package org.freshears.audio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where each channel of a stream plays, in the stream's channel order: what the loudness weighting (ITU-R BS.1770-4
 * Table 3) and the stereo measures (which channels are the front left/right pair) need to know about a file.
 *
 * <p>Each container has its own order. WAV states it in the WAVE_FORMAT_EXTENSIBLE channel mask
 * ({@link #fromWaveMask}); FLAC and Ogg Vorbis fix an order per channel count ({@link #flac}, {@link #vorbis}).
 * Everything else (plain WAV without a mask, AIFF, MP3, in-memory audio) gets {@link #byCount}, the rule the meter
 * used before layouts were known.
 *
 * @param speakers one speaker position per channel
 */
public record ChannelLayout(List<Speaker> speakers) {

    /**
     * Speaker positions. All but {@link #OTHER} are in the order of the WAVE_FORMAT_EXTENSIBLE mask bits: the
     * constant with ordinal i is mask bit {@code 1 << i} (FL 0x1, FR 0x2, FC 0x4, LFE 0x8, BL 0x10, BR 0x20, FLC 0x40,
     * FRC 0x80, BC 0x100, SL 0x200, SR 0x400, then the height channels TC 0x800, TFL 0x1000, TFC 0x2000, TFR 0x4000,
     * TBL 0x8000, TBC 0x10000, TBR 0x20000, which BS.1770-4 weighs 1.0 like the front).
     */
    public enum Speaker {
        FRONT_LEFT, FRONT_RIGHT, FRONT_CENTER, LOW_FREQUENCY, BACK_LEFT, BACK_RIGHT, FRONT_LEFT_OF_CENTER,
        FRONT_RIGHT_OF_CENTER, BACK_CENTER, SIDE_LEFT, SIDE_RIGHT, TOP_CENTER, TOP_FRONT_LEFT, TOP_FRONT_CENTER,
        TOP_FRONT_RIGHT, TOP_BACK_LEFT, TOP_BACK_CENTER, TOP_BACK_RIGHT,
        /** A position the file does not state, or a mask bit beyond the defined ones. */
        OTHER
    }

    private static final Speaker FL = Speaker.FRONT_LEFT, FR = Speaker.FRONT_RIGHT, FC = Speaker.FRONT_CENTER,
            LFE = Speaker.LOW_FREQUENCY, BL = Speaker.BACK_LEFT, BR = Speaker.BACK_RIGHT, BC = Speaker.BACK_CENTER,
            SL = Speaker.SIDE_LEFT, SR = Speaker.SIDE_RIGHT;

    public ChannelLayout {
        if (speakers.isEmpty()) throw new IllegalArgumentException("a channel layout needs at least one channel");
        speakers = List.copyOf(speakers);
    }

    /**
     * The layout assumed when the file states none, by channel count alone: 1 channel centre; 2 front left, front
     * right; 5 L, R, C, Ls, Rs and 6 L, R, C, LFE, Ls, Rs (the WAV/SMPTE order); any other count front left, front
     * right, then {@link Speaker#OTHER} (weight 1.0, as before layouts were known).
     */
    public static ChannelLayout byCount(int channels) {
        if (channels <= 0) throw new IllegalArgumentException("channel count must be positive: " + channels);
        return switch (channels) {
            case 1 -> of(FC);
            case 5 -> of(FL, FR, FC, SL, SR);
            case 6 -> of(FL, FR, FC, LFE, SL, SR);
            default -> padded(channels, FL, FR);
        };
    }

    /**
     * The layout a WAVE_FORMAT_EXTENSIBLE channel mask states: the set bits, lowest first, name the channels in
     * order. As Microsoft's WAVEFORMATEXTENSIBLE documentation says, channels beyond the set bits play on no
     * particular speaker ({@link Speaker#OTHER}) and set bits beyond the channel count are ignored. Mask 0 (no
     * positions claimed, or a plain PCM header) gives {@link #byCount}.
     */
    public static ChannelLayout fromWaveMask(long mask, int channels) {
        if (mask == 0) return byCount(channels);
        Speaker[] out = new Speaker[channels];
        int c = 0;
        for (int bit = 0; bit < 32 && c < channels; bit++) {
            if ((mask & (1L << bit)) == 0) continue;
            out[c++] = bit < Speaker.OTHER.ordinal() ? Speaker.values()[bit] : Speaker.OTHER;
        }
        while (c < channels) out[c++] = Speaker.OTHER;
        return of(out);
    }

    /**
     * The FLAC channel order (FLAC format specification, "channel assignment"): 3 = L R C, 4 = FL FR BL BR,
     * 5 = FL FR FC BL BR, 6 = FL FR FC LFE BL BR, 7 = FL FR FC LFE BC SL SR, 8 = FL FR FC LFE BL BR SL SR. A
     * WAVEFORMATEXTENSIBLE_CHANNEL_MASK tag in the Vorbis comments, which can override it, is not read.
     */
    public static ChannelLayout flac(int channels) {
        return switch (channels) {
            case 3 -> of(FL, FR, FC);
            case 4 -> of(FL, FR, BL, BR);
            case 5 -> of(FL, FR, FC, BL, BR);
            case 6 -> of(FL, FR, FC, LFE, BL, BR);
            case 7 -> of(FL, FR, FC, LFE, BC, SL, SR);
            case 8 -> of(FL, FR, FC, LFE, BL, BR, SL, SR);
            default -> byCount(channels);
        };
    }

    /**
     * The Vorbis I channel order (Vorbis I specification §4.3.9): 3 = L C R, 4 = FL FR RL RR, 5 = FL FC FR RL RR,
     * 6 = FL FC FR RL RR LFE, 7 = FL FC FR SL SR RC LFE, 8 = FL FC FR SL SR RL RR LFE (rear = back). Above eight
     * channels the order is the application's, so {@link #byCount}.
     */
    public static ChannelLayout vorbis(int channels) {
        return switch (channels) {
            case 3 -> of(FL, FC, FR);
            case 4 -> of(FL, FR, BL, BR);
            case 5 -> of(FL, FC, FR, BL, BR);
            case 6 -> of(FL, FC, FR, BL, BR, LFE);
            case 7 -> of(FL, FC, FR, SL, SR, BC, LFE);
            case 8 -> of(FL, FC, FR, SL, SR, BL, BR, LFE);
            default -> byCount(channels);
        };
    }

    public int channels() {
        return speakers.size();
    }

    public Speaker speaker(int channel) {
        return speakers.get(channel);
    }

    /** The channel of the front left speaker, or 0 when the layout has no front left and right (0 for mono, too). */
    public int left() {
        int l = speakers.indexOf(FL);
        return l >= 0 && speakers.contains(FR) ? l : 0;
    }

    /** The channel of the front right speaker, or 1 when the layout has no front left and right (0 for mono). */
    public int right() {
        int r = speakers.indexOf(FR);
        return r >= 0 && speakers.contains(FL) ? r : Math.min(1, channels() - 1);
    }

    /**
     * The channels sorted into the WAVE_FORMAT_EXTENSIBLE order (by speaker, {@link Speaker#OTHER} last, ties in
     * their own order): {@code order[i]} is the channel that goes i-th. The identity for WAV, FLAC and count layouts.
     */
    public int[] maskOrder() {
        Integer[] idx = new Integer[channels()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        java.util.Arrays.sort(idx, java.util.Comparator.comparingInt(i -> speakers.get(i).ordinal()));
        int[] out = new int[idx.length];
        for (int i = 0; i < out.length; i++) out[i] = idx[i];
        return out;
    }

    /** This layout with its channels taken in {@code order} ({@code order[i]} goes i-th). */
    public ChannelLayout reordered(int[] order) {
        List<Speaker> out = new ArrayList<>(order.length);
        for (int c : order) out.add(speakers.get(c));
        return new ChannelLayout(out);
    }

    /**
     * The WAVE_FORMAT_EXTENSIBLE channel mask that states this layout, or 0 when no mask can: a speaker that is
     * {@link Speaker#OTHER}, repeated, or out of the mask's ascending order.
     */
    public long waveMask() {
        long mask = 0;
        int previous = -1;
        for (Speaker sp : speakers) {
            if (sp == Speaker.OTHER || sp.ordinal() <= previous) return 0;
            mask |= 1L << sp.ordinal();
            previous = sp.ordinal();
        }
        return mask;
    }

    private static ChannelLayout of(Speaker... speakers) {
        return new ChannelLayout(List.of(speakers));
    }

    private static ChannelLayout padded(int channels, Speaker... first) {
        List<Speaker> s = new ArrayList<>(List.of(first));
        s.addAll(Collections.nCopies(channels - first.length, Speaker.OTHER));
        return new ChannelLayout(s);
    }
}
