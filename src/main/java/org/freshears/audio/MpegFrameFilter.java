package org.freshears.audio;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * Stands between an MPEG audio file and JLayer and hands JLayer whole frames only, each where the one before it
 * ended. Where there is no frame (the file is damaged) it skips to the next run of three chained frames, and
 * records how many bytes it skipped and how many frames came before. JLayer resynchronises by itself, but silently
 * and after reading ahead, so on its side neither the place nor the size of the damage is known.
 *
 * <p>A frame is passed only when the next frame's header follows it, so a frame whose end the damage overwrote is
 * skipped with the damage. Bytes after the last frame that no frame follows (a tag, or junk) are passed on as they
 * are: a file with nothing skipped reaches JLayer byte for byte as before.
 */
final class MpegFrameFilter extends InputStream {
    /**
     * Bytes that were not frames, skipped just before frame number {@code frame} (from 0, counting every frame
     * passed, a Xing/Info frame too).
     *
     * @param lostFrames how many frames the bytes held, when that is certain (see {@link MpegFrameFilter}), or -1
     */
    record Skip(long frame, long bytes, int lostFrames) {
    }

    /** The largest frame: MPEG-2.5 layer II at 160 kbit/s and 8 kHz, 2880 bytes plus padding. */
    private static final int MAX_FRAME = 2881;
    /** Enough bytes to see a frame and the three chained frames after it. */
    private static final int LOOK = 4 * MAX_FRAME + 4;

    private final InputStream in;
    private final MpegHeader first;
    private final boolean constantBitrateDeclared;
    private final byte[] buf = new byte[1 << 16];
    private final byte[] one = new byte[1];
    private final ArrayDeque<Skip> skips = new ArrayDeque<>();
    private int pos;
    private int lim;
    private boolean eof;
    /** Bytes of the current frame still to hand out; Long.MAX_VALUE once the rest of the file is passed on. */
    private long passLeft;
    private long frames;
    private boolean sameBitrate = true;
    private long trailingBytes;

    /**
     * @param first                   the first frame's header: later frames must have its version, layer, sample
     *                                rate and mono/stereo mode, as JLayer requires
     * @param constantBitrateDeclared the first frame is an "Info" tag, LAME's mark of a constant bit rate, so that
     *                                skipped bytes can be counted in frames
     */
    MpegFrameFilter(InputStream in, MpegHeader first, boolean constantBitrateDeclared) {
        this.in = in;
        this.first = first;
        this.constantBitrateDeclared = constantBitrateDeclared;
    }

    /** The skips recorded so far (the filter reads ahead of JLayer), oldest first; the caller takes them. */
    ArrayDeque<Skip> skips() {
        return skips;
    }

    /** Bytes after the last frame that are not frames (a tag, or damage at the end), once the end is reached. */
    long trailingBytes() {
        return trailingBytes;
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (passLeft == 0 && !nextFrame()) return -1;
        fill(1);
        if (pos == lim) return -1;
        int n = (int) Math.min(len, Math.min(passLeft, lim - pos));
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        passLeft -= n;
        return n;
    }

    /** Finds the next frame at {@link #pos}, or after the bytes that are not frames; false at the end of the file. */
    private boolean nextFrame() throws IOException {
        fill(LOOK);
        if (pos == lim) return false;
        MpegHeader h = headerAt(pos);
        if (h != null && (pos + h.frameBytes() + 4 > lim || headerAt(pos + h.frameBytes()) != null)) return pass(h);
        long skipped = 0;
        for (int s = pos + 1; s < lim; s++) {
            if (lim - s < LOOK && !eof) {
                skipped += s - pos;
                pos = s;
                fill(LOOK);
                s = pos;
            }
            if (chainAt(s)) {
                skipped += s - pos;
                pos = s;
                h = headerAt(s);
                skips.add(new Skip(frames, skipped, lostFrames(skipped, h)));
                return pass(h);
            }
        }
        // no frame follows: the rest of the file goes to JLayer untouched, as it always did
        trailingBytes = skipped + lim - pos - (h != null && skipped == 0 ? h.frameBytes() : 0);
        passLeft = Long.MAX_VALUE;
        return true;
    }

    private boolean pass(MpegHeader h) {
        if (h.bitrateKbps() != first.bitrateKbps()) sameBitrate = false;
        passLeft = h.frameBytes();
        frames++;
        return true;
    }

    /** How many frames {@code bytes} held: certain only at a declared and kept constant bit rate, for one count only. */
    private int lostFrames(long bytes, MpegHeader after) {
        if (!constantBitrateDeclared || !sameBitrate || after.bitrateKbps() != first.bitrateKbps()) return -1;
        int small = new MpegHeader(first.version(), first.layer(), first.bitrateKbps(), first.sampleRate(), false, first.channels()).frameBytes();
        int large = new MpegHeader(first.version(), first.layer(), first.bitrateKbps(), first.sampleRate(), true, first.channels()).frameBytes();
        long fewest = (bytes + large - 1) / large;
        long most = bytes / small;
        return fewest == most && most < Integer.MAX_VALUE ? (int) most : -1;
    }

    /** The header at {@code i} when it is one of this stream's, else null. */
    private MpegHeader headerAt(int i) {
        if (i + 4 > lim) return null;
        MpegHeader h = MpegHeader.parse(buf, i);
        boolean same = h != null && h.version() == first.version() && h.layer() == first.layer()
                && h.sampleRate() == first.sampleRate() && h.channels() == first.channels();
        return same ? h : null;
    }

    /** Three of this stream's frames follow each other from {@code i}, or fewer that end exactly at the file's end. */
    private boolean chainAt(int i) {
        int p = i;
        for (int k = 0; k < 3; k++) {
            if (k > 0 && p == lim && eof) return true;
            MpegHeader h = headerAt(p);
            if (h == null) return false;
            p += h.frameBytes();
        }
        return true;
    }

    /** Reads until {@code need} bytes from {@link #pos} are buffered, or the file ends. */
    private void fill(int need) throws IOException {
        if (lim - pos >= need || eof) return;
        System.arraycopy(buf, pos, buf, 0, lim - pos);
        lim -= pos;
        pos = 0;
        while (lim < need && !eof) {
            int got = in.read(buf, lim, buf.length - lim);
            if (got < 0) eof = true;
            else lim += got;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
