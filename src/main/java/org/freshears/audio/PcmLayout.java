package org.freshears.audio;

import java.util.List;

/**
 * Where the samples of an uncompressed file are and how they are laid out, as found by a container parser.
 *
 * @param format         container name for {@link AudioInfo#format()}
 * @param encoding       sample encoding
 * @param channels       channel count, at least 1
 * @param sampleRate     frames per second, at least 1
 * @param frameBytes     bytes per interleaved frame (at least {@code channels * encoding.bytes})
 * @param dataStart      file offset of the first sample byte
 * @param readableBytes  bytes of audio actually present in the file from {@code dataStart}
 * @param declaredFrames frames the header announces, or -1 when it announces none (streaming writers)
 * @param warnings       problems found in the header that did not stop decoding
 * @param channelLayout  the speaker of each channel
 */
record PcmLayout(String format, PcmEncoding encoding, int channels, int sampleRate, int frameBytes,
                 long dataStart, long readableBytes, long declaredFrames, List<String> warnings,
                 ChannelLayout channelLayout) {

    PcmLayout {
        warnings = List.copyOf(warnings);
    }

    long readableFrames() {
        return readableBytes / frameBytes;
    }
}
