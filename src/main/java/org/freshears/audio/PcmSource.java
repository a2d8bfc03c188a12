package org.freshears.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Streams interleaved uncompressed samples from a file region into planar floats, through one reusable
 * byte buffer (64 KiB or 16 frames, whichever is larger). Allocates nothing per block.
 */
final class PcmSource implements AudioSource {
    private static final int BUFFER_BYTES = 1 << 16;

    private final FileChannel channel;
    private final PcmLayout layout;
    private final AudioInfo info;
    private final List<String> warnings;
    private final byte[] buf;
    private final ByteBuffer bufView;
    private final long dataEnd;
    private long filePos;
    private int bufPos;
    private int bufLen;
    private long framesRead;
    private boolean ended;

    PcmSource(FileChannel channel, PcmLayout layout) {
        this.channel = channel;
        this.layout = layout;
        this.warnings = new ArrayList<>(layout.warnings());
        long frames = layout.readableFrames();
        this.info = new AudioInfo(layout.sampleRate(), layout.channels(), layout.format(), layout.encoding().label, frames,
                layout.channelLayout());
        int size = Math.max(BUFFER_BYTES, layout.frameBytes() * 16);
        size -= size % layout.frameBytes();
        this.buf = new byte[size];
        this.bufView = ByteBuffer.wrap(buf);
        this.filePos = layout.dataStart();
        this.dataEnd = layout.dataStart() + frames * layout.frameBytes();
    }

    @Override
    public AudioInfo info() {
        return info;
    }

    @Override
    public int read(float[][] dst, int maxFrames) throws IOException {
        if (ended) return -1;
        int want = Math.min(maxFrames, dst[0].length);
        if (want <= 0) return maxFrames <= 0 ? 0 : -1;
        int frameBytes = layout.frameBytes();
        PcmEncoding enc = layout.encoding();
        int done = 0;
        // fill the whole request across buffer refills: a caller's block is then always full (except the last),
        // which halves the blocks handed between threads when the buffer holds a fraction over one block
        while (done < want) {
            if (bufLen - bufPos < frameBytes && !refill()) break;
            int n = Math.min(want - done, (bufLen - bufPos) / frameBytes);
            for (int c = 0; c < info.channels(); c++) {
                enc.convert(buf, bufPos + c * enc.bytes, frameBytes, dst[c], done, n);
            }
            bufPos += n * frameBytes;
            done += n;
        }
        framesRead += done;
        if (done == 0) {
            finish();
            return -1;
        }
        return done;
    }

    /** Refills the buffer with whole frames; false when the data region is exhausted. */
    private boolean refill() throws IOException {
        int rest = bufLen - bufPos;
        System.arraycopy(buf, bufPos, buf, 0, rest);
        bufPos = 0;
        bufLen = rest;
        while (bufLen < layout.frameBytes() && filePos < dataEnd) {
            int want = (int) Math.min(buf.length - bufLen, dataEnd - filePos);
            bufView.clear().position(bufLen).limit(bufLen + want);
            int got = channel.read(bufView, filePos);
            if (got < 0) break;
            filePos += got;
            bufLen += got;
        }
        return bufLen >= layout.frameBytes();
    }

    private void finish() {
        ended = true;
        long declared = layout.declaredFrames();
        if (declared > framesRead) {
            warnings.add(String.format(Locale.ROOT, "truncated: decoded %.1f s of %.1f s (the header announces %d frames, the file holds %d)",
                    framesRead / (double) info.sampleRate(), declared / (double) info.sampleRate(), declared, framesRead));
        }
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
