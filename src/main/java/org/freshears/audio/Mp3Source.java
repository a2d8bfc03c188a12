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
 *
 * <p>JLayer reads the file through {@link MpegFrameFilter}, which passes whole chained frames only and says where
 * it skipped bytes that were not frames. At such a skip JLayer's decoder is replaced by a fresh one (the old one's
 * bit reservoir and filter history belong to frames before the gap, and would turn the next frames into noise);
 * its first 1152 samples, and the frames it cannot decode before them, count as silence. When the filter proves
 * how many frames the skipped bytes held, that much silence keeps later times right. A frame that JLayer fails to
 * decode is silence too, so a damaged frame no longer shortens the file.
 */
final class Mp3Source extends DecodedSource {
    /** Delay of the MP3 synthesis filterbank, in samples, as LAME and other decoders count it. */
    static final int DECODER_DELAY = 529;
    /** JLayer scales full scale to 32700, not 32768. */
    private static final float JLAYER_SCALE = 1f / 32700f;
    private static final int MAX_BAD_FRAMES_IN_A_ROW = 20;
    /**
     * Samples a fresh decoder makes before its output is right: a layer III granule (576) without the previous
     * one's overlap, then the synthesis filterbank's 512-sample history; measured, 1055 samples differ.
     */
    private static final int WARM_UP = 1152;

    private final InputStream in;
    private final MpegFrameFilter filter;
    private final Bitstream bitstream;
    private Decoder decoder = new Decoder();
    private final FloatCapture capture = new FloatCapture();
    private final AudioInfo info;
    private final int samplesPerFrame;
    private final int endTrim;
    private final boolean skipTagFrame;
    private final long startTrim;
    private long toSkip;
    private long framesDecoded;
    /** Frames JLayer has returned, the numbering of {@link MpegFrameFilter.Skip#frame()}. */
    private long framesRead;
    /** Samples the fresh decoder after a skip must still make before its output is used (till then: silence). */
    private int warmUp;
    private boolean unknownLoss;
    private int badFrames;
    private boolean eos;
    private boolean firstFrame = true;
    /** Decoded samples in {@link #pending}; the last {@link #endTrim} are held back until more arrive. */
    private int fifoFill;

    Mp3Source(InputStream in, MpegHeader first, XingTag tag) {
        this.in = in;
        this.filter = new MpegFrameFilter(in, first, tag != null && tag.constantBitrate());
        this.bitstream = new Bitstream(filter);
        decoder.setOutputBuffer(capture);
        int spf = first.samplesPerFrame();
        this.samplesPerFrame = spf;
        this.skipTagFrame = tag != null;
        boolean lame = tag != null && tag.delay() >= 0;
        this.startTrim = lame ? tag.delay() + DECODER_DELAY : 0;
        this.toSkip = startTrim;
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
        while (!filter.skips().isEmpty() && (h == null || filter.skips().peek().frame() <= framesRead)) skipped(filter.skips().poll());
        if (h == null) {
            eos = true;
            return;
        }
        framesRead++;
        capture.clear_buffer();
        boolean failed = false;
        try {
            decoder.decodeFrame(h, bitstream);
            badFrames = 0;
        } catch (Exception e) {
            capture.clear_buffer();
            failed = true;
            if (++badFrames > MAX_BAD_FRAMES_IN_A_ROW) stop("MP3 stream is damaged after " + FileBytes.seconds(framesDecoded, info.sampleRate()) + "; decoding stopped there");
            else if (badFrames == 1) warnings.add("a damaged MP3 frame at " + FileBytes.clock(position(), info.sampleRate()) + " was replaced by silence");
        } finally {
            bitstream.closeFrame();
        }
        boolean tagFrame = firstFrame && skipTagFrame;
        firstFrame = false;
        if (tagFrame) return;
        int n = capture.length();
        // after a skip, the frames the fresh decoder cannot decode yet, and those whose output still lacks the lost
        // frames' overlap and filter history, are silence
        boolean silent = failed || warmUp > 0;
        warmUp = Math.max(0, warmUp - n);
        if (silent && !eos) append(null, samplesPerFrame);
        else append(capture, n);
    }

    /** At bytes the filter skipped before this frame: a fresh decoder, silence for the frames proven lost, a warning. */
    private void skipped(MpegFrameFilter.Skip skip) {
        decoder = new Decoder();
        decoder.setOutputBuffer(capture);
        warmUp = WARM_UP;
        String what = "MP3 stream is damaged at " + FileBytes.clock(position(), info.sampleRate()) + ": " + skip.bytes() + " bytes skipped";
        if (skip.lostFrames() > 0) {
            long lost = (long) skip.lostFrames() * samplesPerFrame;
            append(null, (int) lost);
            warnings.add(what + ", " + skip.lostFrames() + " frame" + (skip.lostFrames() == 1 ? "" : "s") + " ("
                    + FileBytes.seconds(lost, info.sampleRate()) + ") of audio lost and replaced by silence, with the next few"
                    + " frames that depend on them, so that later times stay right");
        } else {
            unknownLoss = true;
            warnings.add(what + "; how much audio was lost is unknown, so later times are early by that much");
        }
    }

    /** Appends {@code n} decoded samples from {@code from}, or silence when it is null, after the start trim. */
    private void append(FloatCapture from, int n) {
        framesDecoded += n;
        int skip = (int) Math.min(toSkip, n);
        toSkip -= skip;
        int count = n - skip;
        if (count <= 0) return;
        if (fifoFill + count > pending[0].length) {
            float[][] bigger = new float[pending.length][fifoFill + count + 1152];
            for (int c = 0; c < pending.length; c++) System.arraycopy(pending[c], 0, bigger[c], 0, fifoFill);
            pending = bigger;
        }
        for (int c = 0; c < pending.length; c++) {
            float[] dst = pending[c];
            if (from == null) {
                java.util.Arrays.fill(dst, fifoFill, fifoFill + count, 0f);
                continue;
            }
            float[] src = from.samples(Math.min(c, from.channels() - 1));
            for (int i = 0; i < count; i++) dst[fifoFill + i] = src[skip + i] * JLAYER_SCALE;
        }
        fifoFill += count;
    }

    /** Where the next decoded sample lands in the output. */
    private long position() {
        return framesDecoded - (startTrim - toSkip);
    }

    private void stop(String warning) {
        warnings.add(warning);
        eos = true;
    }

    @Override
    protected void onEnd() {
        if (info.frameLength() <= 0 || framesOut >= info.frameLength() - 1152) return;
        String decoded = "decoded " + FileBytes.seconds(framesOut, info.sampleRate()) + " of " + FileBytes.seconds(info.frameLength(), info.sampleRate());
        if (filter.trailingBytes() > 0) {
            warnings.add("MP3 stream is damaged at " + FileBytes.clock(framesOut, info.sampleRate()) + ": the last "
                    + filter.trailingBytes() + " bytes are not MP3 frames (" + decoded + ")");
        } else if (unknownLoss) {
            warnings.add(decoded + ": the rest was lost where the stream is damaged");
        } else {
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
