package org.freshears.audio;

/**
 * What a decoder knows about a stream before reading it.
 *
 * @param sampleRate    frames per second, e.g. 44100
 * @param channels      channel count (1..n), planar order as in the file
 * @param format        short format name: "wav", "aiff", "aifc", "flac", "mp3", "ogg"
 * @param encoding      sample encoding, e.g. "pcm16", "pcm24", "float32", "mp3", "vorbis"
 * @param frameLength   frames announced by the container, or -1 when unknown
 * @param channelLayout the speaker of each channel, as the container states or orders them (see {@link ChannelLayout});
 *                      {@link ChannelLayout#byCount} when the five-argument constructor is used
 */
public record AudioInfo(int sampleRate, int channels, String format, String encoding, long frameLength,
                        ChannelLayout channelLayout) {
    public AudioInfo {
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        if (channels <= 0) throw new IllegalArgumentException("channel count must be positive: " + channels);
        if (channelLayout.channels() != channels) {
            throw new IllegalArgumentException(channels + " channels with a layout of " + channelLayout.channels());
        }
    }

    /** A stream whose channel positions are not known: {@link ChannelLayout#byCount}. */
    public AudioInfo(int sampleRate, int channels, String format, String encoding, long frameLength) {
        this(sampleRate, channels, format, encoding, frameLength, ChannelLayout.byCount(channels));
    }
}
