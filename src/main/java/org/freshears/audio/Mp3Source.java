package org.freshears.audio;

import java.io.IOException;
import java.io.InputStream;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.Obuffer;

/**
 * MPEG audio (MP3, also MP2/MP1) through JLayer's frame decoder, captured as floats before JLayer's 16-bit
 * clipping, so overs above full scale survive. When the first frame carries a LAME tag, the encoder delay
 * plus the 529-sample decoder delay is trimmed from the start and the padding from the end, so the output
 * lines up with the encoder's input; without a tag the output starts 529 samples late (plus the encoder delay).
 */
final class Mp3Source extends DecodedSource {
    /** Delay of the MP3 synthesis filterbank, in samples, as LAME and other decoders count it. */
    static final int DECODER_DELAY = 529;
    /** JLayer scales full scale to 32700, not 32768. */
    private static final float JLAYER_SCALE = 1f / 32700f;
    private static final int MAX_BAD_FRAMES_IN_A_ROW = 20;

    private final InputStream in;
    private final Bitstream bitstream;
    private final Decoder decoder = new Decoder();
    private final FloatCapture capture = new FloatCapture();
    private final AudioInfo info;
    private final int endTrim;
    private final boolean skipTagFrame;
    private long toSkip;
    private long framesDecoded;
    private int badFrames;
    private boolean eos;
    private boolean firstFrame = true;
    /** Decoded samples in {@link #pending}; the last {@link #endTrim} are held back until more arrive. */
    private int fifoFill;

    Mp3Source(InputStream in, MpegHeader first, XingTag tag) {
        this.in = in;
        this.bitstream = new Bitstream(in);
        decoder.setOutputBuffer(capture);
        int spf = first.samplesPerFrame();
        this.skipTagFrame = tag != null;
        boolean lame = tag != null && tag.delay() >= 0;
        this.toSkip = lame ? tag.delay() + DECODER_DELAY : 0;
        this.endTrim = lame ? Math.max(0, tag.padding() - DECODER_DELAY) : 0;
        long frames = tag != null && tag.frames() > 0 ? tag.frames() * (long) spf - (lame ? tag.delay() + tag.padding() : 0) : -1;
        String encoding = first.layer() == 3 ? "mp3" : "mp" + first.layer();
        this.info = new AudioInfo(first.sampleRate(), first.channels(), "mp3", encoding, frames);
        this.pending = new float[first.channels()][endTrim + 2 * 1152];
    }

    @Override
    public AudioInfo info() {
        return info;
    }

    @Override
    protected boolean decodeNext() throws IOException {
        int held = fifoFill - pendingLen;
        for (float[] ch : pending) System.arraycopy(ch, pendingLen, ch, 0, held);
        fifoFill = held;
        while (!eos && fifoFill <= endTrim) {
            decodeFrame();
        }
        pendingPos = 0;
        pendingLen = Math.max(0, fifoFill - endTrim);
        return pendingLen > 0;
    }

    /** Decodes one frame and appends its samples (after any start trim) to the FIFO in {@link #pending}. */
    private void decodeFrame() throws IOException {
        Header h;
        try {
            h = bitstream.readFrame();
        } catch (BitstreamException e) {
            stop("MP3 stream is damaged after " + FileBytes.seconds(framesDecoded, info.sampleRate()) + "; decoding stopped there");
            return;
        }
        if (h == null) {
            eos = true;
            return;
        }
        capture.clear_buffer();
        try {
            decoder.decodeFrame(h, bitstream);
            badFrames = 0;
        } catch (Exception e) {
            capture.clear_buffer();
            if (++badFrames > MAX_BAD_FRAMES_IN_A_ROW) stop("MP3 stream is damaged after " + FileBytes.seconds(framesDecoded, info.sampleRate()) + "; decoding stopped there");
            else if (badFrames == 1) warnings.add("skipped a damaged MP3 frame at " + FileBytes.seconds(framesDecoded, info.sampleRate()));
        } finally {
            bitstream.closeFrame();
        }
        boolean tagFrame = firstFrame && skipTagFrame;
        firstFrame = false;
        if (tagFrame) return;
        int n = capture.length();
        framesDecoded += n;
        int from = (int) Math.min(toSkip, n);
        toSkip -= from;
        int count = n - from;
        if (count <= 0) return;
        if (fifoFill + count > pending[0].length) {
            float[][] bigger = new float[pending.length][fifoFill + count + 1152];
            for (int c = 0; c < pending.length; c++) System.arraycopy(pending[c], 0, bigger[c], 0, fifoFill);
            pending = bigger;
        }
        for (int c = 0; c < pending.length; c++) {
            float[] src = capture.samples(Math.min(c, capture.channels() - 1));
            float[] dst = pending[c];
            for (int i = 0; i < count; i++) dst[fifoFill + i] = src[from + i] * JLAYER_SCALE;
        }
        fifoFill += count;
    }

    private void stop(String warning) {
        warnings.add(warning);
        eos = true;
    }

    @Override
    protected void onEnd() {
        if (info.frameLength() > 0 && framesOut < info.frameLength() - 1152) {
            warnings.add(truncatedWarning(info.frameLength(), info.sampleRate()));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            bitstream.close();
        } catch (BitstreamException e) {
            throw new IOException(e);
        } finally {
            in.close();
        }
    }

    /** Collects JLayer's synthesis output as floats (JLayer's own buffer would clip to 16 bits). */
    private static final class FloatCapture extends Obuffer {
        private float[][] samples = new float[2][1152];
        private final int[] len = new int[2];

        @Override
        public void appendSamples(int channel, float[] f) {
            if (len[channel] + f.length > samples[channel].length) {
                samples[channel] = java.util.Arrays.copyOf(samples[channel], 2 * (len[channel] + f.length));
            }
            System.arraycopy(f, 0, samples[channel], len[channel], f.length);
            len[channel] += f.length;
        }

        @Override
        public void append(int channel, short value) {
            appendSamples(channel, new float[] {value});
        }

        int length() {
            return len[1] == 0 ? len[0] : Math.min(len[0], len[1]);
        }

        int channels() {
            return len[1] == 0 ? 1 : 2;
        }

        float[] samples(int channel) {
            return samples[channel];
        }

        @Override
        public void write_buffer(int val) {
        }

        @Override
        public void close() {
        }

        @Override
        public void clear_buffer() {
            len[0] = 0;
            len[1] = 0;
        }

        @Override
        public void set_stop_flag() {
        }
    }
}
