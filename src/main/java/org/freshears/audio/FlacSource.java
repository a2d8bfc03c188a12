package org.freshears.audio;

import java.io.IOException;
import java.io.InputStream;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.frame.Frame;
import org.jflac.metadata.StreamInfo;

/**
 * FLAC through jflac's frame API: each frame's integer samples are scaled by 2^-(bits-1), so the result is
 * bit-exact. Frames jflac rejects (bad CRC, bad header) are skipped and counted in a warning. Channels are in the
 * FLAC order ({@link ChannelLayout#flac}).
 */
final class FlacSource extends DecodedSource {
    private final InputStream in;
    private final FLACDecoder decoder;
    private final AudioInfo info;
    private final float scale;

    FlacSource(InputStream in, String name) throws IOException, UnreadableAudioException {
        this.in = in;
        this.decoder = new FLACDecoder(in);
        StreamInfo si;
        try {
            decoder.readMetadata();
            si = decoder.getStreamInfo();
        } catch (java.io.EOFException e) {
            throw new UnreadableAudioException(name + ": FLAC file ends inside its header (truncated)", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableAudioException(name + ": FLAC header is damaged (" + e + ")", e);
        }
        if (si == null) throw new UnreadableAudioException(name + ": FLAC file has no STREAMINFO block");
        if (si.getChannels() <= 0) throw new UnreadableAudioException(name + ": FLAC header declares 0 channels");
        if (si.getSampleRate() <= 0) throw new UnreadableAudioException(name + ": FLAC header declares a sample rate of 0 Hz");
        int bits = si.getBitsPerSample();
        long total = si.getTotalSamples();
        this.info = new AudioInfo(si.getSampleRate(), si.getChannels(), "flac", "pcm" + bits, total > 0 ? total : -1,
                ChannelLayout.flac(si.getChannels()));
        this.scale = (float) Math.scalb(1.0, 1 - bits);
        this.pending = new float[si.getChannels()][Math.max(si.getMaxBlockSize(), 16)];
    }

    @Override
    public AudioInfo info() {
        return info;
    }

    @Override
    protected boolean decodeNext() throws IOException {
        Frame frame;
        try {
            frame = decoder.readNextFrame();
        } catch (IOException e) {
            if (e.getClass() != IOException.class) throw e;
            warnings.add("FLAC stream is damaged after " + FileBytes.seconds(framesOut, info.sampleRate()) + ": " + e.getMessage());
            return false;
        } catch (RuntimeException e) {
            warnings.add("FLAC stream is damaged after " + FileBytes.seconds(framesOut, info.sampleRate()) + "; decoding stopped there");
            return false;
        }
        if (frame == null) return false;
        int n = frame.header.blockSize;
        ChannelData[] data = decoder.getChannelData();
        if (pending[0].length < n) pending = new float[info.channels()][n];
        for (int c = 0; c < info.channels(); c++) {
            int[] src = data[c].getOutput();
            float[] dst = pending[c];
            for (int i = 0; i < n; i++) dst[i] = src[i] * scale;
        }
        pendingPos = 0;
        pendingLen = n;
        return true;
    }

    @Override
    protected void onEnd() {
        int bad = decoder.getBadFrames();
        if (bad > 0) warnings.add("skipped " + bad + " damaged FLAC frame" + (bad == 1 ? "" : "s"));
        if (info.frameLength() > framesOut) warnings.add(truncatedWarning(info.frameLength(), info.sampleRate()));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
