package org.freshears.audio;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Base for codecs that decode a frame (packet) at a time: subclasses fill {@link #pending} one decoded frame
 * at a time and the caller's blocks are served from it, so memory stays at one codec frame.
 */
abstract class DecodedSource implements AudioSource {
    protected final List<String> warnings = new ArrayList<>();
    /** Planar decoded samples not yet handed out, {@code [channel][pendingPos..pendingLen)}. */
    protected float[][] pending;
    protected int pendingPos;
    protected int pendingLen;
    protected long framesOut;
    private boolean ended;

    /**
     * Decodes the next codec frame into {@link #pending} (resetting {@link #pendingPos}/{@link #pendingLen}).
     *
     * @return false at the end of the stream, including a stream that breaks (after adding a warning)
     */
    protected abstract boolean decodeNext() throws IOException;

    /** Called once when the stream ends, e.g. to compare decoded and announced length. */
    protected void onEnd() {
    }

    @Override
    public final int read(float[][] dst, int maxFrames) throws IOException {
        if (maxFrames <= 0) return 0;
        while (pendingPos >= pendingLen) {
            if (ended) return -1;
            if (!decodeNext()) {
                ended = true;
                onEnd();
                return -1;
            }
        }
        int n = Math.min(Math.min(maxFrames, dst[0].length), pendingLen - pendingPos);
        for (int c = 0; c < dst.length && c < pending.length; c++) {
            System.arraycopy(pending[c], pendingPos, dst[c], 0, n);
        }
        pendingPos += n;
        framesOut += n;
        return n;
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    protected String truncatedWarning(long expectedFrames, int sampleRate) {
        return "truncated: decoded " + FileBytes.seconds(framesOut, sampleRate) + " of " + FileBytes.seconds(expectedFrames, sampleRate);
    }
}
