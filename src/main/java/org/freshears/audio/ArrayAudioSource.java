package org.freshears.audio;

import java.util.List;

/** An {@link AudioSource} over planar float arrays in memory (tests, generated signals, previews). */
public final class ArrayAudioSource implements AudioSource {
    private final float[][] data;
    private final AudioInfo info;
    private final int length;
    private int position;

    /** @param data one array per channel, all the same length; not copied */
    public ArrayAudioSource(int sampleRate, float[]... data) {
        if (data.length == 0) throw new IllegalArgumentException("need at least one channel");
        this.length = data[0].length;
        for (float[] ch : data) {
            if (ch.length != length) throw new IllegalArgumentException("channels differ in length");
        }
        this.data = data;
        this.info = new AudioInfo(sampleRate, data.length, "memory", "float32", length);
    }

    @Override
    public AudioInfo info() {
        return info;
    }

    @Override
    public int read(float[][] dst, int maxFrames) {
        if (position >= length) return -1;
        int n = Math.min(maxFrames, length - position);
        for (int c = 0; c < data.length; c++) System.arraycopy(data[c], position, dst[c], 0, n);
        position += n;
        return n;
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }

    @Override
    public void close() {
    }
}
