package org.freshears.analysis;

import java.util.List;
import org.freshears.audio.AudioInfo;
import org.freshears.audio.AudioSource;
import org.freshears.audio.ChannelLayout;

/** An in-memory {@link AudioSource} over planar float channels, for tests and benchmarks. */
public final class MemorySource implements AudioSource {
    private final float[][] data;
    private final AudioInfo info;
    private int pos;

    public MemorySource(int sampleRate, float[]... channels) {
        this(sampleRate, ChannelLayout.byCount(channels.length), channels);
    }

    /** Channels in the given layout's order, as a file of that format would deliver them. */
    public MemorySource(int sampleRate, ChannelLayout layout, float[]... channels) {
        this.data = channels;
        this.info = new AudioInfo(sampleRate, channels.length, "memory", "float32", channels[0].length, layout);
    }

    @Override
    public AudioInfo info() {
        return info;
    }

    @Override
    public int read(float[][] dst, int maxFrames) {
        int n = Math.min(maxFrames, data[0].length - pos);
        if (n <= 0) return -1;
        for (int c = 0; c < data.length; c++) System.arraycopy(data[c], pos, dst[c], 0, n);
        pos += n;
        return n;
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }

    @Override
    public void close() {}
}
