package org.freshears.mastering;

import org.freshears.audio.AudioSink;

import java.util.Arrays;

/** Test sink that keeps everything in memory. */
final class MemorySink implements AudioSink {
    float[][] data;
    int frames;

    MemorySink(int channels) {
        data = new float[channels][1024];
    }

    @Override
    public void write(float[][] src, int offset, int n) {
        if (frames + n > data[0].length) {
            for (int c = 0; c < data.length; c++) data[c] = Arrays.copyOf(data[c], Math.max(2 * data[c].length, frames + n));
        }
        for (int c = 0; c < data.length; c++) System.arraycopy(src[c], offset, data[c], frames, n);
        frames += n;
    }

    float[] channel(int c) {
        return Arrays.copyOf(data[c], frames);
    }

    @Override
    public void close() {
    }
}
