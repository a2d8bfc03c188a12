package org.freshears.audio;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;
import java.io.IOException;
import java.io.InputStream;

/**
 * Ogg Vorbis through JOrbis, packet by packet, keeping JOrbis's float output (no 16-bit clipping).
 * The last page's granule position trims the final packet to the exact length. Only the first logical
 * stream of a chained file is read. Channels stay in the Vorbis order ({@link ChannelLayout#vorbis}: with 3 and
 * with 5 to 8 channels the centre comes second, not third as in WAV).
 */
final class VorbisSource extends DecodedSource {
    private static final int READ_BYTES = 1 << 14;

    private final InputStream in;
    private final SyncState sync = new SyncState();
    private final StreamState stream = new StreamState();
    private final Page page = new Page();
    private final Packet packet = new Packet();
    private final Info vorbis = new Info();
    private final DspState dsp = new DspState();
    private final Block block;
    private final AudioInfo info;
    private final float[][][] pcmOut = new float[1][][];
    private final int[] index;
    private final int serial;
    private long endGranule = Long.MAX_VALUE;
    private boolean sawEnd;
    private boolean broken;

    VorbisSource(InputStream in, long announcedFrames, String name) throws IOException, UnreadableAudioException {
        this.in = in;
        sync.init();
        vorbis.init();
        Comment comment = new Comment();
        comment.init();
        if (!nextPage()) throw new UnreadableAudioException(name + ": Ogg Vorbis file ends inside its headers");
        serial = page.serialno();
        stream.init(serial);
        stream.pagein(page);
        for (int i = 0; i < 3; i++) {
            if (!nextPacket() || vorbis.synthesis_headerin(comment, packet) < 0) {
                throw new UnreadableAudioException(name + ": Ogg Vorbis headers are damaged or incomplete");
            }
        }
        if (vorbis.channels <= 0) throw new UnreadableAudioException(name + ": Vorbis header declares 0 channels");
        if (vorbis.rate <= 0) throw new UnreadableAudioException(name + ": Vorbis header declares a sample rate of 0 Hz");
        dsp.synthesis_init(vorbis);
        block = new Block(dsp);
        index = new int[vorbis.channels];
        info = new AudioInfo(vorbis.rate, vorbis.channels, "ogg", "vorbis", announcedFrames,
                ChannelLayout.vorbis(vorbis.channels));
        pending = new float[vorbis.channels][8192];
    }

    @Override
    public AudioInfo info() {
        return info;
    }

    @Override
    protected boolean decodeNext() throws IOException {
        while (true) {
            int samples = dsp.synthesis_pcmout(pcmOut, index);
            if (samples > 0) {
                long room = endGranule - framesOut;
                int n = (int) Math.min(samples, Math.min(room, pending[0].length));
                for (int c = 0; c < pending.length; c++) System.arraycopy(pcmOut[0][c], index[c], pending[c], 0, n);
                dsp.synthesis_read(Math.min(samples, pending[0].length));
                if (n <= 0) continue;
                pendingPos = 0;
                pendingLen = n;
                return true;
            }
            if (!nextPacket()) return false;
            try {
                if (block.synthesis(packet) == 0) dsp.synthesis_blockin(block);
            } catch (RuntimeException e) {
                warnings.add("Vorbis stream is damaged after " + FileBytes.seconds(framesOut, info.sampleRate()) + "; decoding stopped there");
                broken = true;
                return false;
            }
        }
    }

    private boolean nextPacket() throws IOException {
        while (true) {
            int r = stream.packetout(packet);
            if (r == 1) return true;
            if (r < 0) continue;
            if (sawEnd || !nextPage()) return false;
            if (page.serialno() != serial) continue;
            stream.pagein(page);
            if (page.eos() != 0) {
                sawEnd = true;
                endGranule = page.granulepos();
            }
        }
    }

    private boolean nextPage() throws IOException {
        while (true) {
            int r = sync.pageout(page);
            if (r == 1) return true;
            if (r < 0) continue;
            int at = sync.buffer(READ_BYTES);
            int got = in.read(sync.data, at, READ_BYTES);
            if (got <= 0) return false;
            sync.wrote(got);
        }
    }

    @Override
    protected void onEnd() {
        if (!sawEnd && !broken) {
            warnings.add("truncated: the Ogg stream ends without its final page after " + FileBytes.seconds(framesOut, info.sampleRate()));
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
